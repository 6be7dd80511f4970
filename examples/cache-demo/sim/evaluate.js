// The cache-demo harness: replays a seeded request trace against the cache that cache_config.yaml
// describes and prints its hit rate and memory. Plain Node, no dependencies, deterministic: the same
// config always gives the same numbers. Experiments must not change this file.
//
// Model: one LRU partition per content type, each with its own TTL and admission threshold.
// - A request is a hit only when the cached copy is within its TTL *and* still current. Objects change
//   at the origin (API responses often, images rarely); a copy served within its TTL after its object
//   changed is a stale serve: the client got outdated content, so it counts as a miss (stale_rate).
//   A long TTL therefore serves stale content for longer after each change; a short one revalidates
//   (a miss) too often.
// - An expired copy is revalidated: a miss, and the fresh copy replaces it.
// - admit_after: an object is admitted only once it has been requested that many times before (0 =
//   cache it on its first miss); keeping one-hit wonders out leaves room for popular objects, but
//   tracking the request counts costs memory too.
// - memory_mb = the partitions + per-entry index overhead + the admission tracker.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const KB = 1024;
const MB = 1024 * KB;
const INDEX_BYTES_PER_ENTRY = 256;
const TRACKER_BYTES_PER_OBJECT = 64;

/** The workload: what the site serves and how often things change. Fixed; only the config is tuned. */
const WORKLOAD = {
  seed: 20240611,
  requests: 200_000,
  durationS: 3600,
  types: {
    images: {
      share: 0.45,
      objects: 40_000,
      zipf: 0.85,
      medianKB: 40,
      sizeSpread: 0.8,
      changeEveryS: 2 * 86400,
    },
    html: { share: 0.22, objects: 4_000, zipf: 1.0, medianKB: 25, sizeSpread: 0.5, changeEveryS: 900 },
    api: { share: 0.25, objects: 20_000, zipf: 0.95, medianKB: 4, sizeSpread: 0.6, changeEveryS: 60 },
    video: {
      share: 0.08,
      objects: 800,
      zipf: 0.8,
      medianKB: 4096,
      sizeSpread: 0.4,
      changeEveryS: 30 * 86400,
    },
  },
};

function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random) {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** The config's flat YAML subset: `type:` lines, then indented `key: number` lines; `#` comments. */
function readConfig(path) {
  const config = {};
  let section;
  for (const [index, raw] of readFileSync(path, 'utf8').split('\n').entries()) {
    const line = raw.replace(/(^|\s)#.*$/, '').trimEnd();
    if (line.trim() === '') continue;
    const header = /^([A-Za-z_]\w*):$/.exec(line);
    const pair = /^\s+([A-Za-z_]\w*):\s*(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)$/i.exec(line);
    if (header) config[(section = header[1])] = {};
    else if (pair && section) config[section][pair[1]] = Number(pair[2]);
    else throw new Error(`cache_config.yaml:${index + 1}: cannot read "${raw.trim()}"`);
  }
  for (const type of Object.keys(WORKLOAD.types)) {
    const knobs = config[type];
    if (!knobs) throw new Error(`cache_config.yaml: missing section ${type}`);
    for (const key of ['size_mb', 'ttl_s', 'admit_after']) {
      if (!(key in knobs)) throw new Error(`cache_config.yaml: ${type}.${key} is missing`);
      if (!(knobs[key] >= 0)) throw new Error(`cache_config.yaml: ${type}.${key} must be >= 0`);
    }
  }
  return config;
}

/** Objects of one type: size, and how often each changes at the origin (with a random phase). */
function makeCatalog(spec, random) {
  const sizes = new Float64Array(spec.objects);
  const changePeriods = new Float64Array(spec.objects);
  const changePhases = new Float64Array(spec.objects);
  for (let i = 0; i < spec.objects; i++) {
    sizes[i] = Math.max(512, Math.round(spec.medianKB * KB * Math.exp(spec.sizeSpread * normal(random))));
    changePeriods[i] = spec.changeEveryS * Math.exp(0.5 * normal(random));
    changePhases[i] = random() * changePeriods[i];
  }
  // Zipf popularity: rank r is requested with weight 1/r^s.
  const cdf = new Float64Array(spec.objects);
  let total = 0;
  for (let r = 0; r < spec.objects; r++) cdf[r] = total += 1 / (r + 1) ** spec.zipf;
  for (let r = 0; r < spec.objects; r++) cdf[r] /= total;
  return { sizes, changePeriods, changePhases, cdf };
}

function pick(cdf, u) {
  let low = 0;
  let high = cdf.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cdf[mid] < u) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** One LRU partition (a Map keeps insertion order: the first key is the least recently used). */
class Partition {
  constructor(knobs, catalog) {
    this.capacity = knobs.size_mb * MB;
    this.ttl = knobs.ttl_s;
    this.admitAfter = Math.round(knobs.admit_after);
    this.catalog = catalog;
    this.entries = new Map();
    this.used = 0;
    this.seen = new Map();
    this.peakEntries = 0;
    this.stats = { requests: 0, hits: 0, stale: 0, expired: 0 };
  }

  version(object, now) {
    return Math.floor((now + this.catalog.changePhases[object]) / this.catalog.changePeriods[object]);
  }

  request(object, now) {
    this.stats.requests++;
    const entry = this.entries.get(object);
    const current = this.version(object, now);
    if (entry) {
      this.entries.delete(object);
      this.entries.set(object, entry);
      if (now - entry.cachedAt > this.ttl) {
        this.stats.expired++;
        entry.cachedAt = now;
        entry.version = current;
      } else if (entry.version !== current) {
        this.stats.stale++;
      } else {
        this.stats.hits++;
      }
      return;
    }
    const seenBefore = this.seen.get(object) ?? 0;
    if (this.admitAfter > 0) this.seen.set(object, seenBefore + 1);
    const size = this.catalog.sizes[object];
    if (seenBefore < this.admitAfter || size > this.capacity) return;
    while (this.used + size > this.capacity) {
      const [oldest, old] = this.entries.entries().next().value;
      this.entries.delete(oldest);
      this.used -= old.size;
    }
    this.entries.set(object, { size, cachedAt: now, version: current });
    this.used += size;
    if (this.entries.size > this.peakEntries) this.peakEntries = this.entries.size;
  }

  memoryBytes() {
    return (
      this.capacity + this.peakEntries * INDEX_BYTES_PER_ENTRY + this.seen.size * TRACKER_BYTES_PER_OBJECT
    );
  }
}

function simulate(config) {
  const random = mulberry32(WORKLOAD.seed);
  const types = Object.entries(WORKLOAD.types).map(([name, spec]) => {
    const catalog = makeCatalog(spec, random);
    return { name, spec, catalog, partition: new Partition(config[name], catalog) };
  });
  const meanGap = WORKLOAD.durationS / WORKLOAD.requests;
  let now = 0;
  for (let i = 0; i < WORKLOAD.requests; i++) {
    now += -Math.log(1 - random()) * meanGap;
    let u = random();
    let type = types[types.length - 1];
    for (const candidate of types) {
      if (u < candidate.spec.share) {
        type = candidate;
        break;
      }
      u -= candidate.spec.share;
    }
    type.partition.request(pick(type.catalog.cdf, random()), now);
  }
  return types;
}

const config = readConfig(join(ROOT, 'cache_config.yaml'));
const started = performance.now();
const types = simulate(config);
let requests = 0;
let hits = 0;
let stale = 0;
let memory = 0;
for (const { name, partition } of types) {
  const { stats } = partition;
  requests += stats.requests;
  hits += stats.hits;
  stale += stats.stale;
  memory += partition.memoryBytes();
  console.log(
    `${name.padEnd(7)} requests=${stats.requests} hit=${(stats.hits / stats.requests).toFixed(4)} ` +
      `stale=${(stats.stale / stats.requests).toFixed(4)} expired=${(stats.expired / stats.requests).toFixed(4)} ` +
      `memory_mb=${(partition.memoryBytes() / MB).toFixed(1)}`,
  );
}
console.log(`simulated ${requests} requests in ${Math.round(performance.now() - started)} ms`);
console.log(`stale_rate: ${(stale / requests).toFixed(4)}`);
console.log(`hit_rate: ${(hits / requests).toFixed(4)}`);
console.log(`memory_mb: ${(memory / MB).toFixed(1)}`);
