// Host names inside configuration values: `DB_HOST=db`, `redis://cache:6379`,
// `http://api:8080/x`, `cartservice:7070`, `mongodb://a:27017,b:27017/app`,
// `orders.shop.svc.cluster.local`. Which of them name something imported is for the
// importer to say (its names, its namespaces); this module only finds the candidates.

export interface HostMention {
  host: string;
  /**
   * Written as an address (a URL or `host:port`): a name that matches nothing imported is
   * worth reporting. A bare word (`db`) counts only when it matches a name.
   */
  address: boolean;
}

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?';
const HOST = `${LABEL}(?:\\.${LABEL})*`;
const BARE = new RegExp(`^${HOST}$`);
const HOST_PORT = new RegExp(`^(${HOST}):(\\d{1,5})(?:/.*)?$`);
const URL_LIKE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const LOCAL = new Set(['localhost', 'ip6-localhost', 'host.docker.internal', 'kubernetes', 'kubernetes.default']);

/** The hosts a configuration value names, in order, without duplicates. */
export function hostsIn(value: string): HostMention[] {
  const out: HostMention[] = [];
  const add = (host: string, address: boolean) => {
    const h = host.toLowerCase().replace(/\.$/, '');
    if (!h || IPV4.test(h) || LOCAL.has(h) || out.some((m) => m.host === h)) return;
    out.push({ host: h, address });
  };
  // A value may list several addresses: `kafka-1:9092,kafka-2:9092`, or words and URLs with spaces.
  for (const part of value.trim().split(/[\s,;]+/)) {
    if (!part) continue;
    const url = URL_LIKE.exec(part);
    if (url) {
      // scheme://user:password@host1:port1,host2:port2/path
      const authority = url[1].replace(/^.*@/, '');
      for (const hp of authority.split(',')) {
        const host = hp.replace(/^\[.*\]/, '').replace(/:\d*$/, '');
        if (BARE.test(host)) add(host, true);
      }
      continue;
    }
    const hp = HOST_PORT.exec(part);
    if (hp) add(hp[1], true);
    else if (BARE.test(part) && /[a-z]/i.test(part) && !/^\d/.test(part)) add(part, false);
  }
  return out;
}

/** Environment keys whose values are meant as addresses: a bare word there is worth reporting too. */
export function isAddressKey(key: string): boolean {
  return /(^|_)(HOST|HOSTNAME|ADDR|ADDRESS|SERVER|SERVERS|ENDPOINT|URL|URI|DSN|BROKERS?)$/i.test(key);
}
