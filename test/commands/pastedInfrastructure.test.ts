// What a paste is taken for: compose, Kubernetes or Terraform text opens as an import.
// The checks run on every paste, on the page's thread, so they must stay linear in the text.
import { describe, expect, it } from 'vitest';
import { looksLikeInfrastructure } from '../../src/commands/infraImport';

describe('looksLikeInfrastructure', () => {
  it('knows compose, Kubernetes and Terraform text, and not a design or prose', () => {
    expect(looksLikeInfrastructure('services:\n  web:\n    image: nginx\n')).toBe(true);
    expect(looksLikeInfrastructure('---\napiVersion: apps/v1\nkind: Deployment\n')).toBe(true);
    expect(looksLikeInfrastructure('- apiVersion: v1\n  kind: Service\n')).toBe(true);
    expect(looksLikeInfrastructure('\n\nresource "aws_lb" "web" {\n}\n')).toBe(true);
    expect(looksLikeInfrastructure('services:\r\n  web: {}\r\n')).toBe(true);
    expect(looksLikeInfrastructure('{"format":"spof-topology","components":[]}')).toBe(false);
    expect(looksLikeInfrastructure('our services: web and db\nkind regards')).toBe(false);
  });

  it('a paste of 100,000 empty lines is answered at once (each line start used to scan every empty line after it)', () => {
    // Quadratic before: 20,000 lines were 2e8 steps, seconds; minutes at 100,000. Linear now: a few milliseconds.
    // Asserted by outcome within the test's own timeout, not by a clock.
    expect(looksLikeInfrastructure('\n'.repeat(100_000) + 'x')).toBe(false);
    expect(looksLikeInfrastructure('\n'.repeat(100_000) + 'services:\n  web: {}\n')).toBe(true);
  }, 20_000);
});
