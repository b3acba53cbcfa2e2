import { type DomainError, parseWith, type Result } from '../core/index.js';
import { type BrandCommand, BrandCommandSchema } from './commands.js';
import { brandError } from './errors.js';

function honorWithoutBody(input: unknown, errors: readonly DomainError[]): DomainError[] {
  const i = input as { type?: unknown; honor?: { title?: unknown } } | null;
  const onHonor = (e: DomainError) =>
    e.path[0] === 'honor' && e.path[1] === 'awardedBy' && (e.path.length === 2 || e.path[2] === 'body');
  if (typeof i !== 'object' || i === null || i.type !== 'record-honor' || !errors.some(onHonor)) return [...errors];
  const title = typeof i.honor?.title === 'string' ? i.honor.title : '';
  const rest = errors.filter((e) => !onHonor(e));
  return [...rest, brandError('brand/honor-without-body', { title }, ['honor', 'awardedBy'])];
}

/**
 * Validates a command from outside (a form post, a queue message) before it is decided. Hostile input
 * is refused first; an honor without an awarding body gets its own code, `brand/honor-without-body`.
 * @category Brand
 * @example
 * const r = parseBrandCommand({ type: 'declare', brandId: 'brand-10', on: '2020-03-02' });
 * if (r.ok) execute(brandDecider, state, r.value, ctx);
 */
export function parseBrandCommand(input: unknown): Result<BrandCommand> {
  const r = parseWith(BrandCommandSchema, input);
  if (r.ok) return r;
  return { ok: false, errors: honorWithoutBody(input, r.errors) };
}
