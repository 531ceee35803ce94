import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';

/** Where and when the figures were measured: without this they mean little. */
export interface MachineFacts {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGb: number;
  readonly node: string;
  readonly loadBefore: readonly number[];
  readonly date: string;
}

/** The CPU model line of /proc/cpuinfo (Linux); `unknown` elsewhere. */
function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    return match?.[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Reads the machine facts; call it first, so the load average is the one before the benchmarks. */
export function machineFacts(): MachineFacts {
  return {
    cpus: availableParallelism(),
    cpuModel: cpuModel(),
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    loadBefore: loadavg(),
    date: new Date().toISOString(),
  };
}

/** `1.23 0.98 0.75` (1, 5, 15 minutes). */
export function formatLoad(load: readonly number[]): string {
  return load.map((value) => value.toFixed(2)).join(' ');
}

/**
 * True when the 1-minute load is at or above half the cores: other work (tests of colleagues on
 * this shared machine) is then competing for the CPU and the figures are noisy.
 */
export function isBusy(load: readonly number[], cpus: number): boolean {
  return (load[0] ?? 0) >= cpus * 0.5;
}
