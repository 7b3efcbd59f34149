/**
 * The part of papaparse (5.7) that the CSV import and export use: parsing a string and
 * writing rows. Declared here instead of installing @types/papaparse, whose typings pull Node's
 * types (streams) into shared/, which is compiled without them on purpose.
 */
declare module 'papaparse' {
  export type ParseError = {
    type: 'Quotes' | 'Delimiter' | 'FieldMismatch'
    code: string
    message: string
    /** Index of the record (data row) the error is in, when known. */
    row?: number
  }
  export type ParseResult = {
    data: string[][]
    errors: ParseError[]
    meta: { delimiter: string; linebreak: string; aborted: boolean }
  }
  export function parse(
    input: string,
    config: { delimiter?: string; header?: false; skipEmptyLines?: boolean | 'greedy' },
  ): ParseResult
  export function unparse(
    data: readonly (readonly (string | number)[])[],
    config?: {
      delimiter?: string
      newline?: string
      quotes?: boolean
      escapeFormulae?: boolean | RegExp
    },
  ): string
  const Papa: { parse: typeof parse; unparse: typeof unparse }
  export default Papa
}
