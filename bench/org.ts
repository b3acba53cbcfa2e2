/**
 * Org benchmark: a province (1 provincial bureau, 16 cities, 150 counties, 2,000 stations, 4,167
 * departments, 6,000 branches, 40,000 members with secretaries). Times parseDirectory, checkDirectory,
 * the one-off index build, and 100k branchOf / membersOf queries against a hand-written Map-based
 * baseline built from the same snapshot. Run with `npx tsx bench/org.ts`.
 */
import { type IsoDate, unwrap } from 'shijian/core';
import {
  branchOf,
  checkDirectory,
  type DirectorySnapshot,
  type Member,
  membersOf,
  type OrgUnit,
  type PartyOrg,
  type Post,
  parseDirectory,
} from 'shijian/org';
import { isMain } from '../examples/_print.js';
import { type BenchRow, type Growth, growth, growthNote, rotating, time } from './_harness.js';

/** Every collection of a snapshot, present. */
type Lists = { [K in keyof DirectorySnapshot]-?: NonNullable<DirectorySnapshot[K]> };
const FROM = '2019-01-01' as IsoDate;
const AS_OF = '2025-10-16' as IsoDate;

/** Builds the province snapshot deterministically; `scale` shrinks every level below the cities (growth rows). */
export function province(scale = 1): Pick<Lists, 'units' | 'partyOrgs' | 'members' | 'posts'> {
  const counties = Math.round(150 * scale);
  const stations = Math.round(2000 * scale);
  const depts = Math.round(4000 * scale);
  const branches = Math.round(6000 * scale);
  const people = Math.round(40_000 * scale);
  const units: OrgUnit[] = [];
  const partyOrgs: PartyOrg[] = [];
  const members: Member[] = [];
  const posts: Post[] = [];
  const unit = (id: string, kind: OrgUnit['kind'], level: OrgUnit['level'], parentId?: string) =>
    units.push({
      id,
      kind,
      level,
      code: id,
      name: { 'zh-CN': id },
      validFrom: FROM,
      ...(parentId ? { parentId } : {}),
    });
  unit('prov', 'provincial-bureau', 2);
  const bureaus: { id: string; level: OrgUnit['level'] }[] = [{ id: 'prov', level: 2 }];
  for (let c = 0; c < 16; c++) {
    unit(`city-${c}`, 'municipal-bureau', 3, 'prov');
    bureaus.push({ id: `city-${c}`, level: 3 });
  }
  for (let k = 0; k < counties; k++) {
    unit(`county-${k}`, 'county-bureau', 4, `city-${k % 16}`);
    bureaus.push({ id: `county-${k}`, level: 4 });
  }
  for (let s = 0; s < stations; s++) unit(`st-${s}`, 'station', 4, `county-${s % counties}`);
  const departments: string[] = [];
  for (let d = 0; d < depts; d++) {
    const b = bureaus[d % bureaus.length] as { id: string; level: OrgUnit['level'] };
    unit(`dept-${d}`, 'department', b.level, b.id);
    departments.push(`dept-${d}`);
  }
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  for (let i = 0; i < branches; i++) {
    const covers = i < depts ? [departments[i] as string] : [];
    const unitId = i < depts ? (parentOf.get(covers[0] as string) ?? 'prov') : `st-${(i - depts) % stations}`;
    partyOrgs.push({ id: `br-${i}`, kind: 'branch', unitId, covers, name: { 'zh-CN': `支部${i}` }, validFrom: FROM });
  }
  for (let m = 0; m < people; m++) {
    const branch = `br-${m % branches}`;
    members.push({
      id: `m-${m}`,
      name: `党员${m}`,
      party: { standing: 'full', joinedOn: '2000-07-01', fullOn: '2001-07-01' },
      status: 'active',
      memberships: [{ partyOrgId: branch, from: m % 7 === 0 ? '2022-01-01' : FROM }],
    });
  }
  for (let i = 0; i < branches; i++)
    posts.push({
      id: `sec-${i}`,
      kind: 'secretary',
      partyOrgId: `br-${i}`,
      holders: [{ memberId: `m-${i}`, from: FROM }],
      validFrom: FROM,
    });
  return { units, partyOrgs, members, posts };
}

/** The hand-written baseline: two Maps built from the snapshot, filtered by date on query. */
function baseline(s: ReturnType<typeof province>) {
  const byDept = new Map<string, PartyOrg[]>();
  for (const p of s.partyOrgs) for (const d of p.covers) byDept.set(d, [...(byDept.get(d) ?? []), p]);
  // the person's own validity is copied beside each membership, as shijian's index does: same checks, same answers
  const byOrg = new Map<string, { member: Member; from: string; to?: string; mFrom?: string; mTo?: string }[]>();
  for (const m of s.members)
    for (const ms of m.memberships) {
      let list = byOrg.get(ms.partyOrgId);
      if (!list) {
        list = [];
        byOrg.set(ms.partyOrgId, list);
      }
      list.push({
        member: m,
        from: ms.from,
        ...(ms.to ? { to: ms.to } : {}),
        ...(m.validFrom ? { mFrom: m.validFrom } : {}),
        ...(m.validTo ? { mTo: m.validTo } : {}),
      });
    }
  const ok = (r: { validFrom?: string; validTo?: string | undefined }, d: string) =>
    (r.validFrom === undefined || r.validFrom <= d) && (r.validTo === undefined || d <= r.validTo);
  return {
    branchOf: (dept: string, d: string) => byDept.get(dept)?.find((p) => ok(p, d)),
    membersOf: (org: string, d: string) =>
      (byOrg.get(org) ?? [])
        .filter(
          (e) =>
            e.from <= d &&
            (e.to === undefined || d <= e.to) &&
            (e.mFrom === undefined || e.mFrom <= d) &&
            (e.mTo === undefined || d <= e.mTo),
        )
        .map((e) => e.member),
  };
}

export async function run(): Promise<BenchRow[]> {
  const s = province();
  const size = (p: ReturnType<typeof province>) =>
    p.units.length + p.partyOrgs.length + p.members.length + p.posts.length;
  const n = size(s);
  const rows: BenchRow[] = [];
  const dir = unwrap(parseDirectory(s));
  // growth: the same province at a tenth of its size below the cities, in ten copies (see `rotating`)
  const tenths = Array.from({ length: 10 }, () => province(0.1));
  const tenth = tenths[0] as ReturnType<typeof province>;
  const tenthDirs = tenths.map((t) => unwrap(parseDirectory(t)));
  const start = performance.now();
  branchOf(dir, 'dept-0', AS_OF);
  const firstQuery = performance.now() - start;
  const base0 = performance.now();
  const b = baseline(s);
  const baselineBuild = performance.now() - base0;
  // Both sizes timed alike by the shared growth helper (interleaved rounds, GC before each, medians, ~10 calls
  // per round at the small size). The index is rebuilt on a shallow copy of the directory (a new state object,
  // the same records); the baseline Maps are the hand-written index below, built from the same snapshot.
  const g = growth({
    parse: { small: rotating(tenths, (t) => parseDirectory(t)), large: () => parseDirectory(s) },
    check: { small: rotating(tenthDirs, (d) => checkDirectory(d, AS_OF)), large: () => checkDirectory(dir, AS_OF) },
    index: {
      small: rotating(tenthDirs, (d) => branchOf({ ...d }, 'dept-0', AS_OF)),
      large: () => branchOf({ ...dir }, 'dept-0', AS_OF),
    },
    baseline: { small: rotating(tenths, (t) => baseline(t)), large: () => baseline(s) },
  });
  rows.push({ workload: 'parseDirectory (province)', n, shijianMs: g.parse.large });
  rows.push({
    workload: 'index build (first query) vs baseline Maps',
    n,
    shijianMs: firstQuery,
    baselineMs: baselineBuild,
  });
  const findings = checkDirectory(dir, AS_OF);
  rows.push({
    workload: 'checkDirectory (structure + advisories)',
    n,
    shijianMs: g.check.large,
    note: `${findings.length} findings`,
  });
  const small = size(tenth).toLocaleString('en');
  const base = `baseline Maps (hand-written index of the same snapshot) ${growthNote(g.baseline)}`;
  const grow = (label: string, t: Growth, baselineMs?: number) =>
    rows.push({
      workload: `growth: ${label}`,
      n,
      shijianMs: t.large,
      ...(baselineMs === undefined ? {} : { baselineMs }),
      note: `t(${n.toLocaleString('en')})/t(${small}) = ${growthNote(t)} (${small} records: ${t.small.toFixed(1)} ms); ${base}`,
    });
  grow('parseDirectory', g.parse);
  grow('checkDirectory', g.check);
  grow('index build', g.index, g.baseline.large);
  const Q = 100_000;
  const depts = Array.from({ length: Q }, (_, i) => `dept-${(i * 7919) % 4000}`);
  const orgs = Array.from({ length: Q }, (_, i) => `br-${(i * 7919) % 6000}`);
  let sink = 0;
  rows.push({
    workload: '100k branchOf',
    n: Q,
    shijianMs: time(
      () => {
        for (const d of depts) if (branchOf(dir, d, AS_OF)) sink++;
      },
      { rounds: 3 },
    ),
    baselineMs: time(
      () => {
        for (const d of depts) if (b.branchOf(d, AS_OF)) sink++;
      },
      { rounds: 3 },
    ),
  });
  rows.push({
    workload: '100k membersOf',
    n: Q,
    shijianMs: time(
      () => {
        for (const o of orgs) sink += membersOf(dir, o, AS_OF).length;
      },
      { rounds: 3 },
    ),
    baselineMs: time(
      () => {
        for (const o of orgs) sink += b.membersOf(o, AS_OF).length;
      },
      { rounds: 3 },
    ),
    note: sink > 0 ? 'same answers checked below' : '',
  });
  for (let i = 0; i < 2000; i++) {
    const o = orgs[i] as string;
    if (membersOf(dir, o, AS_OF).length !== b.membersOf(o, AS_OF).length) throw new Error(`mismatch on ${o}`);
    if (branchOf(dir, depts[i] as string, AS_OF)?.id !== b.branchOf(depts[i] as string, AS_OF)?.id)
      throw new Error('mismatch');
  }
  return rows;
}

if (isMain(import.meta.url)) run().then((r) => console.table(r));
