/**
 * Lists of integers packed in two typed arrays (compressed sparse rows): the items of
 * row i are items[offsets[i]] … items[offsets[i + 1] - 1].
 */
export interface Csr {
  readonly offsets: Int32Array;
  readonly items: Int32Array;
}

export function csrFromLists(lists: readonly (readonly number[])[]): Csr {
  const offsets = new Int32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) offsets[i + 1] = offsets[i]! + lists[i]!.length;
  const items = new Int32Array(offsets[lists.length]!);
  for (let i = 0; i < lists.length; i++) items.set(lists[i]!, offsets[i]!);
  return { offsets, items };
}

export function csrRow(csr: Csr, i: number): Int32Array {
  return csr.items.subarray(csr.offsets[i]!, csr.offsets[i + 1]!);
}

