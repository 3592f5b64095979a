import { fixture, imported } from './helpers';
const r = await imported(fixture(process.argv[2]));
console.log(r.lines.join('\n'));
