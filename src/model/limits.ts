// The sizes a document may have. Every document within them is read and analysed in bounded
// time and memory, in the browser, the worker and the CLI; past them it is refused with a
// message that names the limit. Chosen well above real designs (the largest benchmark estate
// is 5,000 components with 15,000 elements; a real system of 1,000 components is about 300 KB
// of JSON) and well below what breaks: `replicas: 1e6` made a million elements, a 10,000-deep
// domain chain took seconds to validate, a 20 MB file froze the page.

/**
 * A number as the messages about limits and values say it, in the app and the CLI alike:
 * whole digits grouped by thousands ("1,000,000,000"), a fraction and an exponent as they
 * are ("0.99995", "1e+21"). By hand: `toLocaleString('en-US')` rounds fractions to three
 * digits, and called at a module's start it loaded the locale data in the page's first task.
 */
export function numberText(x: number): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(String(x));
  return m ? `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}` : String(x);
}

/** Characters of document text (a file, a draft, a share link's JSON): 10 MB. */
export const MAX_DOCUMENT_CHARS = 10 * 1024 * 1024;
/**
 * Nesting of JSON arrays and objects. A topology nests five deep (`components[0].requires.g.min`);
 * 64 leaves room for anything a person writes and keeps every reader's recursion shallow.
 */
export const MAX_JSON_DEPTH = 64;
export const MAX_COMPONENTS = 20_000;
export const MAX_DOMAINS = 5_000;
export const MAX_LINKS = 100_000;
/** Clients: the analysis keeps figures per client and element (clients x elements numbers). */
export const MAX_CLIENTS = 200;
/** Instances of one pool. */
export const MAX_REPLICAS = 1_000;
/** Instances of all components together: each is a basic event of the analysis. */
export const MAX_INSTANCES = 100_000;
/** Levels of nested failure domains (provider, region, zone, datacenter, rack, host: six). */
export const MAX_DOMAIN_DEPTH = 32;
/**
 * An amount of money (`costPerMonth`, `downtimeCostPerHour`): a trillion. Far above any real
 * price, and low enough that every sum the report makes (20,000 components of 1,000 instances,
 * 200 clients down 8,766 hours a year) stays a finite number: a cost of 1e308 summed to
 * Infinity, "$∞" in the report and `null` in `--json`.
 */
export const MAX_MONEY = 1e12;
