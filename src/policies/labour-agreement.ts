import type { PolicyType } from './policy-type.js';
import { scheduledPolicy } from './overrides.js';
import { readOptionalNumber, readWindow, WINDOW_FIELDS, type PolicyWindow } from './parameters.js';

interface AgreementParameters extends PolicyWindow, Record<string, unknown> {
  /** The legal channel the agreement governs (preferential if its origins are listed in the scenario). */
  channel: string;
  quotaPerYear: number | null;
  stayMonths: number | null;
  circular: boolean | null;
  screening: number | null;
  returnBonus: number | null;
  fee: number | null;
}

/**
 * A quota or bilateral labour agreement: from a moment, a channel gets a
 * quota, a length of stay, circularity (compliant returners first next
 * time), screening of applicants likely to overstay, and a return incentive
 * (held wages or a bond paid on return). A channel open to listed origins
 * only is preferential; one open to all is most-favoured-nation. Who
 * overstays, and whether preferences divert admissions from other origins,
 * follows from migrants' choices and the jobs on offer.
 */
export const labourAgreement: PolicyType<AgreementParameters> = {
  plugin: 'labour-agreement',
  description: 'Sets a legal channel\'s quota, stay, circularity, screening, return bonus and fee from a moment.',
  read(spec, path, r, index) {
    const obj = r.object(spec, path, ['channel', 'quotaPerYear', 'stayMonths', 'circular', 'screening', 'returnBonus', 'fee', ...WINDOW_FIELDS]);
    if (!obj) return undefined;
    const channel = r.oneOf(obj.channel, [...path, 'channel'], index.channels);
    const quotaPerYear = readOptionalNumber(r, obj.quotaPerYear, [...path, 'quotaPerYear'], { min: 0 });
    const stayMonths = readOptionalNumber(r, obj.stayMonths, [...path, 'stayMonths'], { min: 1e-9 });
    const circular = obj.circular === undefined || obj.circular === null ? null : r.boolean(obj.circular, [...path, 'circular']);
    const screening = readOptionalNumber(r, obj.screening, [...path, 'screening'], { min: 0, max: 1 });
    const returnBonus = readOptionalNumber(r, obj.returnBonus, [...path, 'returnBonus'], { min: 0 });
    const fee = readOptionalNumber(r, obj.fee, [...path, 'fee'], { min: 0 });
    const window = readWindow(r, obj, path, index);
    if (channel === undefined || quotaPerYear === undefined || stayMonths === undefined || circular === undefined || screening === undefined
      || returnBonus === undefined || fee === undefined || !window) return undefined;
    return { channel, quotaPerYear, stayMonths, circular, screening, returnBonus, fee, ...window };
  },
  create(name, p, index) {
    const terms: Array<[attribute: 'quotaPerYear' | 'stayMonths' | 'circular' | 'screening' | 'returnBonus' | 'fee', value: number | null]> = [
      ['quotaPerYear', p.quotaPerYear], ['stayMonths', p.stayMonths], ['circular', p.circular === null ? null : p.circular ? 1 : 0],
      ['screening', p.screening], ['returnBonus', p.returnBonus], ['fee', p.fee],
    ];
    return scheduledPolicy(name, p, index, (api, overrides) => {
      for (const [attribute, value] of terms) if (value !== null) overrides.set(api, 'channel', p.channel, attribute, value, `${name}: ${attribute}`);
    });
  },
};
