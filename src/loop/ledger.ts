import { forEachRecord, getRecord, type IsoDate, type Label, type Locale, label } from '../core/index.js';
import {
  deploymentSourceKindLabels,
  deploymentStatusLabels,
  inspectionKindLabels,
  inspectionStatusLabels,
  problemStatusLabels,
} from './labels.js';
import type { Deployment, Inspection, LoopState, Problem, SupervisionOrder } from './state.js';

/** The two ledgers the seeds name: 监督检查台账 (deployments and inspections) and 问题后处置台账 (problems). @category Ledger */
export type LedgerBook = 'inspection' | 'problem';

/** One printed line of a ledger, with the columns a bureau prints. @category Ledger */
export interface LedgerRow {
  /** 序号: `3` for a deployment or problem, `3.1` for an inspection under deployment 3. */
  readonly no: string;
  readonly kind: 'deployment' | 'inspection' | 'problem';
  readonly id: string;
  /** 事项 */
  readonly item: string;
  /** 来源 */
  readonly source: string;
  /** 主办单位 */
  readonly leadUnit: string;
  /** 协办单位 */
  readonly assistingUnits: string;
  /**
   * 时限: the deadline in force, empty once the line is done. For a problem line: the order's
   * deadline while awaiting or under supervision, the review's (`reviewDueOn`) while a reported
   * resolution awaits review, the look-back's once resolved, the strike-off's once looked back;
   * empty once struck off.
   */
  readonly deadline: IsoDate | '';
  /** 状态 */
  readonly status: string;
  /** 办结日期 */
  readonly closedOn: IsoDate | '';
  /** 是否回头看 */
  readonly lookedBack: string;
  /** 销号日期 */
  readonly struckOffOn: IsoDate | '';
}

/** The printed columns of a ledger, in order. @category Ledger */
export type LedgerColumn =
  | 'no'
  | 'item'
  | 'source'
  | 'leadUnit'
  | 'assistingUnits'
  | 'deadline'
  | 'status'
  | 'closedOn'
  | 'lookedBack'
  | 'struckOffOn';

/** The column headers of a ledger, in print order. @category Ledger */
export const ledgerColumnLabels: { readonly [K in LedgerColumn]: Label } = {
  no: { 'zh-CN': '序号', en: 'No.' },
  item: { 'zh-CN': '事项', en: 'Item' },
  source: { 'zh-CN': '来源', en: 'Source' },
  leadUnit: { 'zh-CN': '主办单位', en: 'Lead unit' },
  assistingUnits: { 'zh-CN': '协办单位', en: 'Assisting units' },
  deadline: { 'zh-CN': '时限', en: 'Deadline' },
  status: { 'zh-CN': '状态', en: 'Status' },
  closedOn: { 'zh-CN': '办结日期', en: 'Closed on' },
  lookedBack: { 'zh-CN': '是否回头看', en: 'Looked back' },
  struckOffOn: { 'zh-CN': '销号日期', en: 'Struck off on' },
};

/** Options of {@link ledger}. @category Ledger */
export interface LedgerOptions {
  readonly book: LedgerBook;
  readonly locale?: Locale;
  /** Renders a unit id for print (e.g. its name from the org directory); the id by default. */
  readonly unitName?: (unitId: string) => string;
}

const yesNo = {
  yes: { 'zh-CN': '是', en: 'yes' },
  no: { 'zh-CN': '否', en: 'no' },
  none: { 'zh-CN': '—', en: '—' },
} as const;

const sortedCache = new WeakMap<object, readonly unknown[]>();
function bySeq<T extends { readonly seq: number }>(table: LoopState['deployments'] | object): readonly T[] {
  const hit = sortedCache.get(table);
  if (hit) return hit as readonly T[];
  const out: T[] = [];
  forEachRecord(table as never, (r: T) => out.push(r));
  out.sort((a, b) => a.seq - b.seq);
  sortedCache.set(table, out);
  return out;
}

function inspectionRows(state: LoopState, d: Deployment, no: number, loc: Locale, unit: (id: string) => string) {
  return d.inspectionIds.map((iid, k): LedgerRow => {
    const i = getRecord(state.inspections, iid) as Inspection;
    return {
      no: `${no}.${k + 1}`,
      kind: 'inspection',
      id: i.id,
      item: `${label(inspectionKindLabels, i.kind, loc)}（${i.inspectedOn}）`,
      source: i.inspectors.join('、'),
      leadUnit: unit(i.byUnitId),
      assistingUnits: i.inspectedUnitIds.map(unit).join('、'),
      deadline: i.status === 'awaiting-notice' ? i.noticeDueOn : '',
      status: label(inspectionStatusLabels, i.status, loc),
      closedOn: i.status === 'notified' ? i.notifiedOn : '',
      lookedBack: yesNo.none[loc],
      struckOffOn: '',
    };
  });
}

function deploymentLookedBack(state: LoopState, d: Deployment): keyof typeof yesNo {
  if (d.problemIds.length === 0) return 'none';
  return d.problemIds.every((pid) => {
    const s = getRecord(state.problems, pid)?.status;
    return s === 'looked-back' || s === 'struck-off';
  })
    ? 'yes'
    : 'no';
}

/**
 * The deadline in force on a problem line: each status owes one more step, until struck off. Under
 * supervision the step owed is the lead unit's resolution, or once one is reported the supervising
 * unit's review of it, so the line shows the date the `'review'` gap falls due.
 */
function problemDeadline(p: Problem, order: SupervisionOrder | undefined): IsoDate | '' {
  switch (p.status) {
    case 'awaiting-order':
      return p.orderDueOn;
    case 'under-supervision':
      if (order === undefined) return '';
      return order.status === 'reported' ? order.reviewDueOn : order.effectiveDueOn;
    case 'resolved':
      return p.lookBackDueOn;
    case 'looked-back':
      return p.strikeOffDueOn;
    case 'struck-off':
      return '';
  }
}

function problemRow(state: LoopState, p: Problem, no: number, loc: Locale, unit: (id: string) => string): LedgerRow {
  const d = getRecord(state.deployments, p.deploymentId);
  const i = getRecord(state.inspections, p.inspectionId);
  const lastOrder = p.orderIds.length > 0 ? getRecord(state.orders, p.orderIds.at(-1) as string) : undefined;
  const current = p.status === 'under-supervision' ? getRecord(state.orders, p.orderId) : undefined;
  const recurrence =
    p.recurrence > 0 ? (loc === 'zh-CN' ? `（复发${p.recurrence}次）` : ` (reopened ×${p.recurrence})`) : '';
  const lookedBack = p.status === 'looked-back' || p.status === 'struck-off' ? 'yes' : 'no';
  return {
    no: String(no),
    kind: 'problem',
    id: p.id,
    item: p.description,
    source: `${d?.title ?? ''} · ${i ? `${label(inspectionKindLabels, i.kind, loc)} ${i.inspectedOn}` : ''}`,
    leadUnit: unit(current?.leadUnitId ?? lastOrder?.leadUnitId ?? p.unitId),
    assistingUnits: (current ?? lastOrder)?.assistingUnitIds.map(unit).join('、') ?? '',
    deadline: problemDeadline(p, current),
    status: label(problemStatusLabels, p.status, loc) + recurrence,
    closedOn: lastOrder?.status === 'resolved' && p.status !== 'awaiting-order' ? lastOrder.acceptedOn : '',
    lookedBack: yesNo[lookedBack][loc],
    struckOffOn: p.status === 'struck-off' ? p.struckOffOn : '',
  };
}

/**
 * The rows of a ledger (台账), in the order the lines were opened: the 监督检查台账 lists each
 * deployment followed by its inspections; the 问题后处置台账 lists each problem through strike-off.
 * Lines are never dropped: a closed or struck-off line stays with its dates. Units print as
 * recorded, since a ledger is the history of who did what: an inspection's 主办单位 stays the unit that
 * inspected after a merger (the successor owing its notice is what `gaps` names), while lead and
 * responsible units of open lines show the successor because `rehome-unit` moved them.
 * @category Ledger
 * @example
 * ledger(state, { book: 'problem', locale: 'zh-CN' }).map((r) => [r.no, r.item, r.status, r.struckOffOn]);
 */
export function ledger(state: LoopState, options: LedgerOptions): LedgerRow[] {
  const loc = options.locale ?? 'zh-CN';
  const unit = options.unitName ?? ((id: string) => id);
  const rows: LedgerRow[] = [];
  if (options.book === 'problem') {
    bySeq<Problem>(state.problems).forEach((p, k) => {
      rows.push(problemRow(state, p, k + 1, loc, unit));
    });
    return rows;
  }
  bySeq<Deployment>(state.deployments).forEach((d, k) => {
    rows.push({
      no: String(k + 1),
      kind: 'deployment',
      id: d.id,
      item: d.title,
      source: `${label(deploymentSourceKindLabels, d.source.kind, loc)}：${d.source.reference}`,
      leadUnit: unit(d.leadUnitId),
      assistingUnits: d.assistingUnitIds.map(unit).join('、'),
      deadline: d.status === 'open' ? d.dueOn : '',
      status: label(deploymentStatusLabels, d.status, loc),
      closedOn: d.status === 'closed' ? d.closedOn : '',
      lookedBack: yesNo[deploymentLookedBack(state, d)][loc],
      struckOffOn: '',
    });
    rows.push(...inspectionRows(state, d, k + 1, loc, unit));
  });
  return rows;
}

/**
 * Ledger rows as printable records keyed by the localized column headers.
 * @category Ledger
 * @example
 * console.table(ledgerTable(ledger(state, { book: 'inspection' }))); // 序号 事项 来源 …
 */
export function ledgerTable(rows: readonly LedgerRow[], locale: Locale = 'zh-CN'): Record<string, string>[] {
  const cols = Object.keys(ledgerColumnLabels) as LedgerColumn[];
  return rows.map((r) => Object.fromEntries(cols.map((c) => [ledgerColumnLabels[c][locale], r[c]])));
}
