/**
 * Writes the zh-CN custom-functions metadata (functions-zh-CN.json) from the generated English
 * functions.json and the Chinese help in `help.ts`. Ids and function names stay the same (a
 * workbook's =CW.PAY(…) must work in every Excel language); descriptions and parameter names
 * become Chinese. Any mismatch between the JSDoc and help.ts is an error, so the build fails
 * instead of shipping help that describes the wrong parameter.
 */
import { FUNCTIONS } from './help';

interface MetadataParameter {
  name: string;
  description?: string;
  [k: string]: unknown;
}
interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetadataParameter[];
  [k: string]: unknown;
}
export interface CustomFunctionsMetadata {
  functions: MetadataFunction[];
  [k: string]: unknown;
}

/** Differences between the generated metadata and help.ts, in words; empty when they agree. */
export function metadataMismatches(meta: CustomFunctionsMetadata): string[] {
  const problems: string[] = [];
  const ids = meta.functions.map((f) => f.id);
  for (const h of FUNCTIONS) if (!ids.includes(h.id)) problems.push(`help.ts lists ${h.id}, functions.json does not`);
  for (const f of meta.functions) {
    const h = FUNCTIONS.find((x) => x.id === f.id);
    if (!h) {
      problems.push(`functions.json lists ${f.id}, help.ts does not`);
      continue;
    }
    if (f.description !== h.description) problems.push(`${f.id}: JSDoc description differs from help.ts`);
    if (f.parameters.length !== h.params.length) {
      problems.push(`${f.id}: ${f.parameters.length} parameters in functions.json, ${h.params.length} in help.ts`);
      continue;
    }
    f.parameters.forEach((p, i) => {
      const hp = h.params[i];
      if (p.name !== hp.name) problems.push(`${f.id} parameter ${i + 1}: ${p.name} in functions.json, ${hp.name} in help.ts`);
      if (Boolean(p.optional) !== hp.optional) problems.push(`${f.id}.${p.name}: optional differs`);
      if ((p.dimensionality === 'matrix') !== (hp.shape === 'matrix')) problems.push(`${f.id}.${p.name}: range/scalar differs`);
      if (p.description !== hp.description) problems.push(`${f.id}.${p.name}: JSDoc description differs from help.ts`);
    });
    const spills = (f.result as { dimensionality?: string } | undefined)?.dimensionality === 'matrix';
    if (spills !== h.spills) problems.push(`${f.id}: spilling result differs`);
  }
  return problems;
}

/** The zh-CN metadata: same ids, names, types and order; Chinese descriptions and parameter names. */
export function localizeMetadata(meta: CustomFunctionsMetadata): CustomFunctionsMetadata {
  const problems = metadataMismatches(meta);
  if (problems.length) throw new Error(`functions.json and src/functions/help.ts disagree:\n  ${problems.join('\n  ')}`);
  return {
    ...meta,
    functions: meta.functions.map((f) => {
      const h = FUNCTIONS.find((x) => x.id === f.id)!;
      return {
        ...f,
        description: h.zhDescription,
        parameters: f.parameters.map((p, i) => ({ ...p, name: h.params[i].zhName, description: h.params[i].zhDescription })),
      };
    }),
  };
}
