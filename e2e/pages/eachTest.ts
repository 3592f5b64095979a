// What every spec on the studio starts from and ends with: a fresh empty design, and not
// one console error by the end of the test (an error the user never sees is still a bug).
import { expect, test } from '@playwright/test';
import { AnalysisPanel } from './AnalysisPanel';
import { StudioPage } from './StudioPage';

export interface OpenedStudio {
  studio: StudioPage;
  analysis: AnalysisPanel;
}

/**
 * Registers the spec's beforeEach/afterEach; `opened` hands the page objects to the spec's
 * own variables (its helper functions use them too). `saveToDownloads`: Save writes a
 * download the test can read, as in a browser without the File System Access API.
 */
export function emptyStudioForEachTest(opened: (o: OpenedStudio) => void, options: { saveToDownloads?: boolean } = {}): void {
  let studio: StudioPage | undefined;
  test.beforeEach(async ({ page }) => {
    studio = new StudioPage(page);
    opened({ studio, analysis: new AnalysisPanel(page) });
    if (options.saveToDownloads) await studio.useDownloadsForSave();
    await studio.openEmpty();
  });
  test.afterEach(() => {
    expect(studio!.consoleErrors).toEqual([]);
  });
}
