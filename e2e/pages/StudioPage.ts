// A page object for SPOF Studio: every test drives the app through these, by test id.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { clearSavedWork, draftText } from './storage';
import { TEST_IDS } from './testIds';

export interface SavedDraft {
  name: string;
  components: { id: string; [k: string]: unknown }[];
  [k: string]: unknown;
}

export class StudioPage {
  readonly consoleErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => this.consoleErrors.push(err.message));
  }

  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /** Opens the app on an empty design (clears the autosaved draft first). */
  async openEmpty(): Promise<void> {
    await this.page.goto('/');
    await expect(this.canvas).toBeVisible();
    await clearSavedWork(this.page);
    await this.page.reload();
    await expect(this.canvas).toBeVisible();
  }

  /**
   * Makes "save" download a file instead of opening the native save dialog (which a
   * headless browser cannot answer): browser-fs-access falls back to a download when
   * the File System Access API is absent. Call before `openEmpty`.
   */
  async useDownloadsForSave(): Promise<void> {
    await this.page.addInitScript(() => {
      for (const target of [window, Window.prototype] as unknown as Record<string, unknown>[]) {
        delete target.showOpenFilePicker;
        delete target.showSaveFilePicker;
        delete target.showDirectoryPicker;
      }
    });
  }

  get canvas(): Locator {
    return this.byTestId(TEST_IDS.canvas);
  }

  get inspector(): Locator {
    return this.byTestId(TEST_IDS.inspector);
  }

  node(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  edge(id: string): Locator {
    return this.page.locator(`.react-flow__edge[data-id="${id}"]`);
  }

  /** Clicks a link at the middle of its path (a straight link has a zero-width box). */
  async selectEdge(id: string): Promise<void> {
    const box = (await this.edge(id).locator('.react-flow__edge-path').boundingBox())!;
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  get nodes(): Locator {
    return this.page.locator('.react-flow__node');
  }

  field(name: string): Locator {
    return this.inspector.getByTestId(TEST_IDS.field(name));
  }

  /** Clicks a palette entry: the element is added in the middle of the view and selected. */
  async addFromPalette(kind: string): Promise<void> {
    await this.byTestId(TEST_IDS.palette(kind)).click();
  }

  /** Drags a palette entry onto the canvas at a point relative to the canvas's top-left. */
  async dragFromPalette(kind: string, at: { x: number; y: number }): Promise<void> {
    await this.byTestId(TEST_IDS.palette(kind)).dragTo(this.canvas, { targetPosition: at });
  }

  /** Draws a link from one node's bottom handle to another node's top handle. */
  async connect(from: string, to: string): Promise<void> {
    const source = this.node(from).locator('.react-flow__handle-bottom');
    const target = this.node(to).locator('.react-flow__handle-top');
    const a = (await source.boundingBox())!;
    const b = (await target.boundingBox())!;
    const mouse = this.page.mouse;
    await mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await mouse.down();
    await mouse.move(a.x + 20, a.y + 40, { steps: 4 });
    await mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
    await mouse.up();
  }

  /** Drags a node by its middle so its middle lands on the given page point. */
  async dragNodeTo(id: string, to: { x: number; y: number }): Promise<void> {
    const box = (await this.node(id).boundingBox())!;
    const mouse = this.page.mouse;
    await mouse.move(box.x + box.width / 2, box.y + 12);
    await mouse.down();
    await mouse.move(box.x + box.width / 2 + 10, box.y + 22, { steps: 3 });
    await mouse.move(to.x, to.y - box.height / 2 + 12, { steps: 12 });
    await mouse.up();
  }

  /** Types a value into an inspector field and commits it (Enter). */
  async setField(name: string, value: string): Promise<void> {
    const input = this.field(name);
    await input.fill(value);
    await input.press('Enter');
  }

  async openTemplate(id: string): Promise<void> {
    await this.byTestId(TEST_IDS.templatesMenu).click();
    await this.byTestId(TEST_IDS.template(id)).click();
  }

  /** Zooms out with the canvas's own button until the design is drawn far out (the zoom floor is under FAR_ZOOM). */
  async zoomOutFar(): Promise<void> {
    await expect.poll(async () => {
      await this.page.locator('.react-flow__controls-zoomout').click();
      return (await this.canvas.getAttribute('class'))!.includes('is-far');
    }).toBe(true);
  }

  async undo(): Promise<void> {
    await this.byTestId(TEST_IDS.undo).click();
  }

  async redo(): Promise<void> {
    await this.byTestId(TEST_IDS.redo).click();
  }

  /** Shows the import's notes: an import opens them as one summary line above the canvas. */
  async showImportNotes(): Promise<Locator> {
    await this.byTestId(TEST_IDS.importNotesSummary).getByTestId(TEST_IDS.importNotesToggle).click();
    const notes = this.byTestId(TEST_IDS.importNotes);
    await expect(notes).toBeVisible();
    return notes;
  }

  /** Opens a file through the toolbar's file input. */
  async openFile(name: string, contents: string | Buffer): Promise<void> {
    await this.byTestId(TEST_IDS.importFile).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
  }

  /** Drags a file over the page (the drop overlay shows) and drops it, as from a file manager. */
  async dropFile(name: string, contents: string | Buffer): Promise<void> {
    const transfer = await this.page.evaluateHandle(({ name, contents }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([typeof contents === 'string' ? contents : new Uint8Array(contents)], name));
      return dt;
    }, { name, contents: typeof contents === 'string' ? contents : [...contents] });
    await this.page.dispatchEvent('header', 'dragenter', { dataTransfer: transfer });
    await expect(this.byTestId(TEST_IDS.dropOverlay)).toBeVisible();
    await this.page.dispatchEvent('header', 'dragover', { dataTransfer: transfer });
    await this.page.dispatchEvent('header', 'drop', { dataTransfer: transfer });
    await expect(this.byTestId(TEST_IDS.dropOverlay)).toHaveCount(0);
  }

  /**
   * Drops a folder of the disk on the page, as from a file manager: Chromium's DevTools
   * protocol drags it (Input.dispatchDragEvent), so the page gets a real directory entry.
   */
  async dropFolder(folder: string): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page);
    const data = { items: [], files: [folder], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, x: 640, y: 400, data });
    await cdp.detach();
  }

  /** Runs an entry of the Export menu that saves a file; resolves with the download. */
  async exportFrom(menuItem: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.byTestId(TEST_IDS.exportMenu).click();
    await this.byTestId(menuItem).click();
    return download;
  }

  /** A download's suggested name and its bytes. */
  async downloaded(download: Download): Promise<{ name: string; bytes: Buffer }> {
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  }

  /** Clicks Share and reads the link the popover shows. */
  async makeShareLink(): Promise<string> {
    await this.byTestId(TEST_IDS.shareLink).click();
    const url = this.byTestId(TEST_IDS.shareLinkUrl);
    await expect(url).toHaveValue(/#topology=deflate:/);
    return url.inputValue();
  }

  /** Opens the Mermaid drawer and waits for mermaid's drawing. */
  async openMermaid(): Promise<void> {
    await this.byTestId(TEST_IDS.mermaidToggle).click();
    await expect(this.byTestId(TEST_IDS.mermaidDiagramState)).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  }

  /** The autosaved draft, parsed, or null when there is none. */
  async savedDraft(): Promise<SavedDraft | null> {
    const text = await draftText(this.page);
    return text === null ? null : JSON.parse(text);
  }

  /** Waits until the debounced autosave holds a draft that passes `check`. */
  async waitForDraft(check: (draft: SavedDraft) => boolean): Promise<SavedDraft> {
    await expect.poll(async () => {
      const d = await this.savedDraft();
      return d !== null && check(d);
    }).toBe(true);
    return (await this.savedDraft())!;
  }
}
