// The analysis report and the canvas's analysis marks, through the automation contract
// (DESIGN section 5): system-availability / system-nines with exact data-value,
// spof-list / spof-item with data-element-id, analysis-status with data-state,
// what-if-toggle, and data-spof on React Flow's node elements.
import { expect, type Locator, type Page } from '@playwright/test';
import { TEST_IDS } from './testIds';

export class AnalysisPanel {
  constructor(readonly page: Page) {}

  get status(): Locator {
    return this.page.getByTestId(TEST_IDS.analysisStatus);
  }

  get availability(): Locator {
    return this.page.getByTestId(TEST_IDS.systemAvailability);
  }

  get nines(): Locator {
    return this.page.getByTestId(TEST_IDS.systemNines);
  }

  get spofList(): Locator {
    return this.page.getByTestId(TEST_IDS.spofList);
  }

  spofItem(elementId: string): Locator {
    return this.spofList.locator(`[data-testid="${TEST_IDS.spofItem}"][data-element-id="${elementId}"]`);
  }

  get spofItems(): Locator {
    return this.spofList.getByTestId(TEST_IDS.spofItem);
  }

  /** Waits until the worker has answered for the current design (and what-if state). */
  async settled(timeout = 30_000): Promise<void> {
    await expect(this.status).toHaveAttribute('data-state', 'idle', { timeout });
  }

  /** The exact system availability the panel shows, once the analysis has settled. */
  async systemAvailability(): Promise<number> {
    await this.settled();
    return Number(await this.availability.getAttribute('data-value'));
  }

  async toggleWhatIf(): Promise<void> {
    await this.page.getByTestId(TEST_IDS.whatIfToggle).click();
  }

  /** Clicks a failure domain's title at its label, clear of links and of its collapse toggle (in what-if mode this fails it). */
  async clickDomain(id: string): Promise<void> {
    await this.page.locator(`.react-flow__node[data-id="${id}"] .domain-title .domain-label`).click({ position: { x: 4, y: 4 } });
  }
}
