// The query protocol's XML: lists as <member> elements, Dates as ISO 8601.
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c] ?? ''};`,
  );
}

export function toXml(name: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  return `<${name}>${xmlContent(value)}</${name}>`;
}

function xmlContent(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toXml('member', item)).join('');
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([key, v]) => toXml(key, v))
      .join('');
  }
  if (typeof value === 'string') return escapeXml(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`cannot write ${typeof value} as XML`);
}
