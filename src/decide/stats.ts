// The statistics behind `decide.noise`: sample moments, the Welch t-test and the Student t distribution.
// Written out here (no statistics dependency): the noise tests need only these few functions, and the
// t distribution must accept the fractional degrees of freedom that Welch–Satterthwaite produces.

export function mean(samples: readonly number[]): number {
  let sum = 0;
  for (const value of samples) sum += value;
  return sum / samples.length;
}

/** The sample variance (n - 1 in the denominator): the samples estimate a noisy eval's spread. */
export function sampleVariance(samples: readonly number[]): number {
  if (samples.length < 2) return Number.NaN;
  const center = mean(samples);
  let sum = 0;
  for (const value of samples) sum += (value - center) ** 2;
  return sum / (samples.length - 1);
}

export function sampleStddev(samples: readonly number[]): number {
  return Math.sqrt(sampleVariance(samples));
}

export interface WelchResult {
  /** (mean of a - mean of b) / its standard error; ±Infinity or 0 when neither side varies. */
  t: number;
  /** Welch–Satterthwaite degrees of freedom, usually fractional; undefined when neither side varies. */
  degreesOfFreedom?: number;
  /** One-sided p-value of "a's mean is larger than b's". */
  pValue: number;
}

/**
 * One-sided Welch t-test of H1: mean(a) > mean(b), for two samples of at least 2 values each. Welch rather
 * than Student because a change can change the eval's spread as well as its mean.
 * When neither sample varies the test statistic is 0/0; the means decide alone: a larger mean is certain
 * (p = 0), the same mean is a coin toss (p = 0.5, the limit of t = 0), a smaller one is hopeless (p = 1).
 */
export function welchTest(a: readonly number[], b: readonly number[]): WelchResult {
  if (a.length < 2 || b.length < 2) throw new Error('the Welch t-test needs at least 2 samples per side');
  const varianceOfMeanA = sampleVariance(a) / a.length;
  const varianceOfMeanB = sampleVariance(b) / b.length;
  const difference = mean(a) - mean(b);
  const standardError = Math.sqrt(varianceOfMeanA + varianceOfMeanB);
  if (standardError === 0) {
    const pValue = difference > 0 ? 0 : difference < 0 ? 1 : 0.5;
    const t = difference === 0 ? 0 : difference * Number.POSITIVE_INFINITY;
    return { t, pValue };
  }
  const degreesOfFreedom =
    (varianceOfMeanA + varianceOfMeanB) ** 2 /
    (varianceOfMeanA ** 2 / (a.length - 1) + varianceOfMeanB ** 2 / (b.length - 1));
  const t = difference / standardError;
  return { t, degreesOfFreedom, pValue: studentTUpperTail(t, degreesOfFreedom) };
}

/** P(T > t) for Student's t with `degreesOfFreedom` > 0 (fractional allowed). */
export function studentTUpperTail(t: number, degreesOfFreedom: number): number {
  if (Number.isNaN(t) || !(degreesOfFreedom > 0)) return Number.NaN;
  if (t === Number.POSITIVE_INFINITY) return 0;
  if (t === Number.NEGATIVE_INFINITY) return 1;
  // P(|T| > |t|) = I_x(df/2, 1/2) with x = df / (df + t²); each tail holds half of it.
  const x = degreesOfFreedom / (degreesOfFreedom + t * t);
  const bothTails = regularizedIncompleteBeta(x, degreesOfFreedom / 2, 0.5);
  return t >= 0 ? bothTails / 2 : 1 - bothTails / 2;
}

/** The cumulative distribution function of Student's t: P(T <= t). */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  return 1 - studentTUpperTail(t, degreesOfFreedom);
}

/**
 * I_x(a, b), the regularized incomplete beta function, by its continued fraction (Numerical Recipes,
 * `betai`). The fraction converges fast for x < (a + 1) / (a + b + 2); beyond that the symmetry
 * I_x(a, b) = 1 - I_(1-x)(b, a) brings x back into that range.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  const front = Math.exp(logFront);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

const FRACTION_EPSILON = 1e-15;
const FRACTION_TINY = 1e-300;
const FRACTION_MAX_TERMS = 500;

/** The continued fraction of the incomplete beta function, evaluated by the modified Lentz method. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const avoidZero = (value: number) => (Math.abs(value) < FRACTION_TINY ? FRACTION_TINY : value);
  let c = 1;
  let d = 1 / avoidZero(1 - ((a + b) * x) / (a + 1));
  let result = d;
  for (let m = 1; m <= FRACTION_MAX_TERMS; m++) {
    // Each step applies the even term d_2m, then the odd term d_2m+1 of the fraction.
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / avoidZero(1 + even * d);
    c = avoidZero(1 + even / c);
    result *= d * c;
    const odd = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / avoidZero(1 + odd * d);
    c = avoidZero(1 + odd / c);
    const step = d * c;
    result *= step;
    if (Math.abs(step - 1) < FRACTION_EPSILON) return result;
  }
  return result; // not converged to 1e-15 after 500 terms: still far more precise than alpha needs
}

// Lanczos approximation (g = 7, n = 9), accurate to about 15 digits for positive arguments.
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(z) for z > 0. */
export function logGamma(z: number): number {
  if (z < 0.5) {
    // Reflection: Γ(z) Γ(1 - z) = π / sin(π z), so small arguments keep full precision.
    return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  }
  const shifted = z - 1;
  let series = LANCZOS_COEFFICIENTS[0]!;
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) series += LANCZOS_COEFFICIENTS[i]! / (shifted + i);
  const base = shifted + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(base) - base + Math.log(series);
}

// Peter Acklam's rational approximation of the normal quantile: relative error below 1.2e-9, far
// finer than any boundary here needs.
const QUANTILE_A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const QUANTILE_B = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
];
const QUANTILE_C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const QUANTILE_D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const QUANTILE_LOW = 0.02425;

/** The z with P(Z <= z) = p for a standard normal Z; -Infinity at 0 and Infinity at 1. */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const polynomial = (coefficients: readonly number[], x: number) =>
    coefficients.reduce((sum, coefficient) => sum * x + coefficient, 0);
  if (p < QUANTILE_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return polynomial(QUANTILE_C, q) / (polynomial(QUANTILE_D, q) * q + 1);
  }
  if (p > 1 - QUANTILE_LOW) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (polynomial(QUANTILE_A, r) * q) / (polynomial(QUANTILE_B, r) * r + 1);
}
