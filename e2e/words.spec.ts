// Plain words (issue 15): a typed availability is the person's own figure, even when it
// equals a managed service's SLA; a preset is named only when chosen; a SPOF's blast radius
// says what stops serving; a warning names its element by label and id.
import { expect, test } from '@playwright/test';
import type { AnalysisPanel } from './pages/AnalysisPanel';
import { emptyStudioForEachTest } from './pages/eachTest';
import type { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;
let analysis: AnalysisPanel;

emptyStudioForEachTest((o) => ({ studio, analysis } = o));

test('a typed 99.99 is "your figure"; choosing the managed preset names it', async () => {
  await studio.openTemplate('stage3');
  await studio.node('web1').click();
  await studio.setField('availability', '99.99');
  await expect(studio.node('web1')).toContainText('99.99%');
  await expect(studio.field('reliability')).toHaveValue('custom');
  await expect(studio.inspector).toContainText('Source: your figure');
  await expect(studio.inspector).not.toContainText('EC2 region-level SLA');
  // Chosen from the list, the preset is the source.
  await studio.field('reliability').selectOption('aws-ec2-multi-az');
  await expect(studio.field('reliability')).toHaveValue('aws-ec2-multi-az');
  await expect(studio.inspector).toContainText('Source: EC2 region-level SLA 99.99%');
  // Typed over, it is the person's own figure again, even when typed back to the SLA's.
  await studio.setField('availability', '99.98');
  await expect(studio.field('reliability')).toHaveValue('custom');
  await studio.setField('availability', '99.99');
  await expect(studio.node('web1')).toContainText('99.99%');
  await expect(studio.field('reliability')).toHaveValue('custom');
  await expect(studio.inspector).toContainText('Source: your figure');
  // A load balancer: not "AWS ELB" for a typed figure either.
  await studio.node('lb').click();
  await studio.setField('availability', '99.99');
  await expect(studio.field('reliability')).toHaveValue('custom');
  await expect(studio.inspector).not.toContainText('Elastic Load Balancing');
});

test('a preset chosen from the list is still the source after a reload; a typed figure stays "your figure"', async () => {
  await studio.openTemplate('stage3');
  await studio.node('web1').click();
  await studio.field('reliability').selectOption('aws-ec2-multi-az');
  await expect(studio.inspector).toContainText('Source: EC2 region-level SLA 99.99%');
  await studio.node('lb').click();
  await studio.setField('availability', '99.99');
  await expect(studio.inspector).toContainText('Source: your figure');
  await studio.waitForDraft((d) => ['web1', 'lb'].every((id) => d.components.some((c) => c.id === id && c.availability === 0.9999)));

  await studio.page.reload();
  await studio.node('web1').click();
  await expect(studio.field('reliability')).toHaveValue('aws-ec2-multi-az');
  await expect(studio.inspector).toContainText('Source: EC2 region-level SLA 99.99%');
  await studio.node('lb').click();
  await expect(studio.field('reliability')).toHaveValue('custom');
  await expect(studio.inspector).toContainText('Source: your figure');

  // Typed over, the chosen preset is forgotten, after a reload too (even typed back to its figure).
  await studio.node('web1').click();
  await studio.setField('availability', '99.98');
  await expect(studio.inspector).toContainText('Source: your figure');
  await studio.setField('availability', '99.99');
  await expect(studio.node('web1')).toContainText('99.99%');
  await studio.waitForDraft((d) => d.components.some((c) => c.id === 'web1' && c.availability === 0.9999));
  await studio.page.reload();
  await studio.node('web1').click();
  await expect(studio.field('reliability')).toHaveValue('custom');
  await expect(studio.inspector).toContainText('Source: your figure');
});

test('a SPOF says what can no longer serve, not that it failed', async () => {
  await studio.openTemplate('stage3');
  await analysis.settled();
  await expect(analysis.spofItem('lb')).toContainText('Cuts off Users; DNS can no longer serve Users.');
  await studio.node('lb').hover();
  await expect(studio.node('lb').getByTestId('mark-note')).toContainText('If Load balancer fails, it cuts off Users; DNS can no longer serve Users.');
  await expect(analysis.spofList).not.toContainText('go down with it');
});

test('a warning names its element by label and id, beside the path', async ({ page }) => {
  await studio.openFile('standby.spof.json', JSON.stringify({
    format: 'spof-topology', version: 2, name: 'Standby',
    components: [
      { id: 'users', kind: 'client', label: 'Users' },
      { id: 'db', kind: 'database', label: 'Orders DB' },
      { id: 'db-2', kind: 'database', label: 'Standby DB', role: 'standby', standby: 'warm' },
    ],
    links: [{ from: 'users', to: 'db' }],
  }));
  await analysis.settled();
  const warnings = page.getByTestId('analysis-warnings');
  await expect(warnings).toContainText('"Standby DB" (db-2), components[2].role: this standby stands behind nothing');
  await expect(warnings).not.toContainText(/(^|\n)components\[2\]/);
  // The id is said once, before the path; the message does not name it again.
  await expect(warnings).not.toContainText('standby "db-2"');
});

test('no client: the card says it once, in words, with the fix; no warning or notice says it again', async ({ page }) => {
  await studio.openFile('no-client.spof.json', JSON.stringify({
    format: 'spof-topology', version: 2, name: 'No client',
    components: [{ id: 'web', kind: 'web', label: 'Web' }, { id: 'db', kind: 'database', label: 'DB' }],
    links: [{ from: 'web', to: 'db' }],
  }));
  await analysis.settled();
  await expect(studio.byTestId(TEST_IDS.entryPoints)).toContainText('No client in this design');
  await expect(studio.byTestId(TEST_IDS.entryPoints)).toContainText('The figures are for the entry point Web');
  await expect(page.getByTestId('analysis-warnings').locator('li[data-code="no-client"]')).toHaveCount(0);
  await expect(studio.byTestId(TEST_IDS.reportPanel)).not.toContainText('no client component');
  await expect(studio.byTestId(TEST_IDS.noticeMessage)).toHaveCount(0);
});
