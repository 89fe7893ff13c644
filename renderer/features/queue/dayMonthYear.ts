// The birth date as one text field, dd-mm-yyyy, whatever the PC's locale: dashes are put in while
// digits are typed ("15011990" -> "15-01-1990"), a typed separator closes a part ("1-1-" ->
// "01-01-"), and nothing typed is dropped (extra digits stay in the year, and the check reports it).

const SEPARATOR = /[-/. ]/;

export function typeDayMonthYear(raw: string): string {
  const parts = ['', '', ''];
  let i = 0;
  for (const ch of raw) {
    if (/\d/.test(ch)) {
      if (i < 2 && parts[i]!.length === 2) i += 1;
      parts[i] += ch;
    } else if (SEPARATOR.test(ch) && i < 2 && parts[i]!.length > 0) {
      parts[i] = parts[i]!.padStart(2, '0');
      i += 1;
    }
  }
  return parts.slice(0, i + 1).join('-');
}
