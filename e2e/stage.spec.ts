// The stage in the report (DESIGN section 1): a stage reached with SPOFs left names them,
// the next step never says "every stage is reached" while a SPOF is listed, and data kept
// in a cache of its own (an Online Boutique-like cart in Redis) is stage 2, not stage 1.
import { expect, test } from '@playwright/test';
import type { AnalysisPanel } from './pages/AnalysisPanel';
import { emptyStudioForEachTest } from './pages/eachTest';
import type { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;
let analysis: AnalysisPanel;

emptyStudioForEachTest((o) => ({ studio, analysis } = o));

test('stage 7 with the DNS left a SPOF says so, and the next step is to remove it', async ({ page }) => {
  await studio.openTemplate('stage7');
  await analysis.settled();
  await expect(analysis.spofItem('dns')).toBeVisible();
  const stage = studio.byTestId(TEST_IDS.stage);
  await expect(stage).toHaveAttribute('data-level', '7');
  await expect(stage.getByTestId('stage-summary')).toHaveText('Stage 7 of 7: multiple regions, but "DNS" (dns) is still a single point of failure');
  await expect(stage.getByTestId('stage-next')).toContainText('Next: remove the single point of failure left: "DNS" (dns)');
  await expect(stage).not.toContainText('every stage is reached');
  await stage.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/stage-7-dns-left.png' });
});

test('a Redis cart behind a row of services is stage 2, held there by the services that are SPOFs', async ({ page }) => {
  const services = ['frontend', 'cart', 'checkout', 'currency', 'payment', 'shipping', 'email', 'catalog'];
  await studio.openFile('boutique.spof.json', JSON.stringify({
    format: 'spof-topology', version: 2, name: 'Boutique',
    components: [
      { id: 'users', kind: 'client', label: 'Shoppers' },
      { id: 'lb', kind: 'loadbalancer', label: 'frontend-external' },
      ...services.map((id) => ({ id, kind: 'service', label: `${id}service` })),
      { id: 'redis-cart', kind: 'cache', label: 'redis-cart' },
    ],
    links: [
      { from: 'users', to: 'lb' }, { from: 'lb', to: 'frontend' },
      ...services.filter((id) => id !== 'frontend').map((id) => ({ from: 'frontend', to: id })),
      { from: 'cart', to: 'redis-cart' },
    ],
  }));
  await analysis.settled();
  const stage = studio.byTestId(TEST_IDS.stage);
  await expect(stage).toHaveAttribute('data-level', '2');
  await expect(stage.getByTestId('stage-summary')).toContainText('Stage 2 of 7: separate database server, but');
  await expect(stage.getByTestId('stage-next')).toContainText('Stage 3: run a second instance of each server and service behind the load balancer');
  await stage.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/stage-boutique.png' });
});
