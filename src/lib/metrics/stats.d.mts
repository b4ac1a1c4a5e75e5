export function median(values: number[]): number;
export function ratio(app: number, bare: number): number;
