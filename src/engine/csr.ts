// Compressed sparse rows: adjacency lists as two flat typed arrays (no per-row arrays).

/** Compressed sparse rows: the items of row r are items[start[r]] .. items[start[r + 1] − 1]. */
export interface Csr {
  start: Int32Array;
  items: Int32Array;
}

/** Builds a Csr from (row, item) pairs given as two parallel lists. */
export function csr(rows: number, rowOf: number[], itemOf: number[]): Csr {
  const start = new Int32Array(rows + 1);
  for (const r of rowOf) start[r + 1]++;
  for (let r = 0; r < rows; r++) start[r + 1] += start[r];
  const fill = start.slice(0, rows);
  const items = new Int32Array(rowOf.length);
  for (let k = 0; k < rowOf.length; k++) items[fill[rowOf[k]]++] = itemOf[k];
  return { start, items };
}
