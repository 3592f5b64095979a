// One naming rule for the findings, the CLI and the app: the label, the id in parentheses
// when it differs, the kind only when the name does not already say it.
import { describe, expect, it } from 'vitest';
import { labelOf, named, type Topology } from '../../src/model';
import { elementName, labelOf as appLabelOf } from '../../src/store/elementNames';
import { labelOf as insightLabelOf, named as insightNamed } from '../../src/engine/insight/structure';

const t: Topology = {
  format: 'spof-topology', version: 2, name: 'Names',
  domains: [{ id: 'use1a', kind: 'zone', label: 'us-east-1a' }, { id: 'az2', kind: 'zone', label: 'Zone B' }, { id: 'dc', kind: 'datacenter', label: '' }],
  components: [
    { id: 'dns', kind: 'dns', label: 'DNS' },
    { id: 'r53', kind: 'dns', label: 'Route 53' },
    { id: 'lb', kind: 'loadbalancer', label: 'Managed load balancer' },
    { id: 'lb2', kind: 'loadbalancer', label: 'Front LB' },
    { id: 'edge', kind: 'loadbalancer', label: 'Edge' },
    { id: 'orders', kind: 'database', label: 'Orders DB' },
    { id: 'db', kind: 'database', label: 'Primary' },
    { id: 'blank', kind: 'app', label: '' },
    { id: 'plain', kind: 'app' },
    { id: 'cdnx', kind: 'cdn', label: 'Cdnjs mirror' },
  ],
  links: [{ from: 'lb', to: 'blank' }],
};

describe('element names', () => {
  it('a label names an element; an empty or absent label gives way to the id, in the app and the findings alike', () => {
    expect(labelOf(t, 'dns')).toBe('DNS');
    expect(labelOf(t, 'blank')).toBe('blank');
    expect(labelOf(t, 'plain')).toBe('plain');
    expect(labelOf(t, 'dc')).toBe('dc');
    expect(labelOf(t, 'nowhere')).toBe('nowhere');
    // The implicit client in front of an entry point, as the engine labels it.
    expect(labelOf(t, 'entry:lb')).toBe('Users of Managed load balancer');
    expect(labelOf(t, 'entry:gone')).toBe('entry:gone');
    for (const id of ['dns', 'blank', 'dc', 'entry:lb']) {
      expect(appLabelOf(t, id)).toBe(labelOf(t, id));
      expect(insightLabelOf(t, id)).toBe(labelOf(t, id));
    }
    expect(elementName(t, 'blank')).toBe('blank');
  });

  it('the label, then the id when it differs', () => {
    expect(named(t, 'dns')).toBe('"DNS" (dns)');
    expect(named(t, 'blank')).toBe('"blank"');
    expect(named(t, 'entry:lb')).toBe('"Users of Managed load balancer" (entry:lb)');
    expect(insightNamed(t, 'orders')).toBe(named(t, 'orders'));
  });

  it('the kind only when the name does not already say it', () => {
    expect(named(t, 'dns', 'DNS')).toBe('"DNS" (dns)');
    expect(named(t, 'r53', 'DNS')).toBe('DNS "Route 53" (r53)');
    expect(named(t, 'lb', 'Load balancer')).toBe('"Managed load balancer" (lb)');
    expect(named(t, 'lb2', 'Load balancer')).toBe('"Front LB" (lb2)');
    expect(named(t, 'edge', 'Load balancer')).toBe('Load balancer "Edge" (edge)');
    expect(named(t, 'orders', 'Database')).toBe('"Orders DB" (orders)');
    // The id says it too.
    expect(named(t, 'db', 'Database')).toBe('"Primary" (db)');
    expect(named(t, 'use1a', 'Zone')).toBe('Zone "us-east-1a" (use1a)');
    expect(named(t, 'az2', 'zone')).toBe('"Zone B" (az2)');
    // The kind inside another word does not say it.
    expect(named(t, 'cdnx', 'CDN')).toBe('CDN "Cdnjs mirror" (cdnx)');
  });
});
