/**
 * Exact arithmetic for scoring. Figures are rationals (`Q`), points are
 * integers in units of 10^-digits of the ruleset's rounding rule, so a total
 * is an exact sum and `8,499999` cannot happen. Plain numbers are used while
 * every intermediate stays a safe integer; otherwise the same computation is
 * redone with BigInt.
 */

/** A non-negative rational n/d with integer n ≥ 0 and integer d > 0. */
export interface Q {
  readonly n: number;
  readonly d: number;
}

export type RoundingMode = "half_up" | "half_even" | "down";

export function gcd(a: number, b: number): number {
  // Callers pass safe integers; anything else must not spin forever.
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return 1;
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** A reduced rational. `d` must be a positive integer. */
export function q(n: number, d = 1): Q {
  if (n === 0) return { n: 0, d: 1 };
  const g = gcd(n, d);
  return g > 1 ? { n: n / g, d: d / g } : { n, d };
}

export function qToNumber(x: Q): number {
  return x.n / x.d;
}

/** Exact comparison of a/b with c/d for non-negative rationals: -1, 0 or 1. */
export function compareQ(a: Q, b: Q): number {
  return compareProducts(a.n, b.d, b.n, a.d);
}

/** Sign of (a·b − c·d) for non-negative integers, exact. */
export function compareProducts(a: number, b: number, c: number, d: number): number {
  const left = a * b;
  const right = c * d;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) {
    return left === right ? 0 : left > right ? 1 : -1;
  }
  const bl = BigInt(a) * BigInt(b);
  const br = BigInt(c) * BigInt(d);
  return bl === br ? 0 : bl > br ? 1 : -1;
}

function roundQuotient(quotient: number, remainder: number, divisor: number, mode: RoundingMode): number {
  if (mode === "down" || remainder === 0) return quotient;
  const twice = remainder * 2;
  if (twice > divisor) return quotient + 1;
  if (twice < divisor) return quotient;
  return mode === "half_up" || quotient % 2 === 1 ? quotient + 1 : quotient;
}

function roundQuotientBig(quotient: bigint, remainder: bigint, divisor: bigint, mode: RoundingMode): bigint {
  if (mode === "down" || remainder === 0n) return quotient;
  const twice = remainder * 2n;
  if (twice > divisor) return quotient + 1n;
  if (twice < divisor) return quotient;
  return mode === "half_up" || quotient % 2n === 1n ? quotient + 1n : quotient;
}

/**
 * round(a·b·c / (d·e)) for non-negative integers (d·e > 0), exact under the
 * given rounding mode. Callers pass 1 for unused factors.
 */
export function mulDivRound(a: number, b: number, c: number, d: number, e: number, mode: RoundingMode): number {
  const num = a * b * c;
  const den = d * e;
  if (Number.isSafeInteger(num) && Number.isSafeInteger(den) && Number.isSafeInteger(a * b)) {
    let quotient = Math.floor(num / den);
    let remainder = num - quotient * den;
    // Floating division may land one off near an integer; correct it exactly.
    if (remainder < 0) {
      quotient -= 1;
      remainder += den;
    } else if (remainder >= den) {
      quotient += 1;
      remainder -= den;
    }
    return roundQuotient(quotient, remainder, den, mode);
  }
  return divRoundBig(BigInt(a) * BigInt(b) * BigInt(c), BigInt(d) * BigInt(e), mode);
}

/** round(num / den) for non-negative BigInts, den > 0. */
export function divRoundBig(num: bigint, den: bigint, mode: RoundingMode): number {
  return Number(roundQuotientBig(num / den, num % den, den, mode));
}

/** 10^digits as an integer. */
export function pow10(digits: number): number {
  return 10 ** digits;
}

/** A decimal number of points (at most `digits` decimals) as integer units. */
export function toUnits(points: number, digits: number): number {
  return Math.round(points * pow10(digits));
}

/** Integer units back to the nearest double of the decimal they stand for. */
export function fromUnits(units: number, digits: number): number {
  return digits === 0 ? units : units / pow10(digits);
}

/** A decimal literal as a rational; only finite numbers with ≤ 12 decimals. */
export function qFromDecimal(value: number): Q {
  for (let digits = 0; digits <= 12; digits += 1) {
    const scale = pow10(digits);
    const scaled = Math.round(value * scale);
    if (Math.abs(scaled / scale - value) <= Number.EPSILON * Math.max(1, Math.abs(value))) {
      return q(scaled, scale);
    }
  }
  return q(Math.round(value * 1e12), 1e12);
}

/** Round a rational to `digits` decimals and return the nearest double. */
export function roundQ(x: Q, digits: number, mode: RoundingMode): number {
  return fromUnits(mulDivRound(x.n, pow10(digits), 1, x.d, 1, mode), digits);
}
