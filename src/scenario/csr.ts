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

type NumberArray = Int32Array | Float64Array | Uint8Array | Int8Array;

/**
 * The lists' items end to end, in a typed array made by `make` for their total length.
 * (Array.prototype.flat on tens of thousands of short lists took a quarter of indexing
 * an NRMP-size scenario.)
 */
export function flatten<T extends NumberArray>(lists: readonly (readonly number[])[], make: (length: number) => T): T {
  let n = 0;
  for (const list of lists) n += list.length;
  const out = make(n);
  let k = 0;
  for (const list of lists) for (let i = 0; i < list.length; i++) out[k++] = list[i]!;
  return out;
}

/** One number per element of `rows`, in a typed array made by `make` (a loop: TypedArray.from with a mapping function is several times slower). */
export function typedColumn<R, T extends NumberArray>(rows: readonly R[], make: (length: number) => T, value: (row: R) => number): T {
  const out = make(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = value(rows[i]!);
  return out;
}

/**
 * A CSR written row by row: add a row's items, then end it. Building one array per row
 * first costs an allocation per row, most of the work for tens of thousands of short rows.
 */
export class CsrBuilder {
  private readonly offsets: number[] = [0];
  private readonly items: number[] = [];
  /** Adds an item to the current row; with `unique`, only if the row does not hold it yet. */
  add(item: number, unique = false): void {
    if (unique && this.items.indexOf(item, this.offsets[this.offsets.length - 1]!) >= 0) return;
    this.items.push(item);
  }
  endRow(): void {
    this.offsets.push(this.items.length);
  }
  build(): Csr {
    return { offsets: Int32Array.from(this.offsets), items: Int32Array.from(this.items) };
  }
}

/**
 * Items grouped by row, each item i going to row rowOf[i], in their order within a row (a
 * counting sort): row r holds order[offsets[r]] … order[offsets[r + 1] - 1].
 */
export function groupByRow(rows: number, rowOf: Int32Array): { offsets: Int32Array; order: Int32Array } {
  const offsets = new Int32Array(rows + 1);
  for (let i = 0; i < rowOf.length; i++) offsets[rowOf[i]! + 1]!++;
  for (let r = 0; r < rows; r++) offsets[r + 1]! += offsets[r]!;
  const next = offsets.slice(0, rows);
  const order = new Int32Array(rowOf.length);
  for (let i = 0; i < rowOf.length; i++) order[next[rowOf[i]!]!++] = i;
  return { offsets, order };
}
