/**
 * RFC 4180 CSV, by hand: the roster is small and its shape fixed, so a dependency would buy
 * nothing. Quoted fields may hold commas, doubled quotes and line breaks; every record keeps the
 * line it starts on, so a bad row can be reported by the line an instructor sees in an editor.
 */

export interface CsvRecord {
  /** 1-based line number where the record starts. */
  line: number;
  fields: string[];
  /** Set when the record is malformed (an unclosed quote, text after a closing quote). */
  error?: string;
}

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  if (text.charCodeAt(0) === 0xfeff) i = 1; // a spreadsheet's byte-order mark
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    let error: string | undefined;
    let field = "";
    for (;;) {
      if (text[i] === '"') {
        // Quoted field: runs to the next lone quote, across line breaks.
        i++;
        let closed = false;
        while (i < text.length) {
          const c = text[i];
          if (c === '"' && text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else if (c === '"') {
            i++;
            closed = true;
            break;
          } else {
            if (c === "\n") line++;
            field += c;
            i++;
          }
        }
        if (!closed) error ??= "a quoted field is never closed";
        // Anything but a separator or the end of the line after the closing quote is malformed.
        while (i < text.length && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") {
          error ??= "text after a closing quote";
          i++;
        }
      } else {
        while (i < text.length && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") {
          if (text[i] === '"') error ??= "a quote inside an unquoted field";
          field += text[i++];
        }
      }
      fields.push(field);
      field = "";
      if (text[i] === ",") {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === "\r") i++;
    if (text[i] === "\n") {
      i++;
      line++;
    }
    const blank = fields.length === 1 && fields[0]!.trim() === "" && !error;
    if (!blank) records.push({ line: start, fields, error });
  }
  return records;
}

/** One CSV field, quoted when it must be (and when a spreadsheet would read it as a formula). */
export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  // A leading =, +, - or @ turns into a formula in spreadsheets (CSV injection): prefix a quote.
  const safe = typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(values: (string | number | null | undefined)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
