/** Text from the input as quoted in an error message: long values are cut, so a megabyte typo stays a readable message. */
export function shown(value: string, max = 60): string {
  if (value.length <= max) return value;
  let cut = value.slice(0, max - 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1); // never split a surrogate pair
  return `${cut}…`;
}
