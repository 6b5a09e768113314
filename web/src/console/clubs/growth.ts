/** Size at the end of each month, worked back from the size now and each month's net joins (analytics/club-growth). */
export function sizesByMonth(activeMembers: number, periods: { period: string; net: number }[]): number[] {
  const sizes: number[] = new Array<number>(periods.length);
  let size = activeMembers;
  for (let i = periods.length - 1; i >= 0; i--) {
    sizes[i] = size;
    size -= periods[i].net;
  }
  return sizes;
}
