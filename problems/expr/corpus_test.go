package expr

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
)

// formula is a source with its value written independently in Go's math, and the box
// [lo, hi]² in which the test draws points: inside the formula's domain, where it is
// smooth except on a set the random points miss.
type formula struct {
	src    string
	f      func(x, y float64) float64
	lo, hi float64
}

// everywhere is the default box: both signs, away from nothing in particular.
const everywhere = 2.0

// on returns f checked on [lo, hi]².
func on(lo, hi float64, src string, f func(x, y float64) float64) formula {
	return formula{src, f, lo, hi}
}

// all returns f checked on [−everywhere, everywhere]².
func all(src string, f func(x, y float64) float64) formula {
	return formula{src, f, -everywhere, everywhere}
}

func sq(v float64) float64 { return v * v }

// corpus covers every operator, function, precedence and associativity rule, implicit
// multiplication and the shorthands, each value written out by hand.
var corpus = []formula{
	// Operators, precedence and associativity.
	all("x + y", func(x, y float64) float64 { return x + y }),
	all("x - y - 1", func(x, y float64) float64 { return (x - y) - 1 }),
	on(0.5, 2, "x / y / 2", func(x, y float64) float64 { return (x / y) / 2 }),
	all("x * y * 3", func(x, y float64) float64 { return x * y * 3 }),
	all("2^3^x", func(x, y float64) float64 { return math.Pow(2, math.Pow(3, x)) }),
	all("-x^2", func(x, y float64) float64 { return -(x * x) }),
	all("2^-x", func(x, y float64) float64 { return math.Pow(2, -x) }),
	all("-2^-x", func(x, y float64) float64 { return -math.Pow(2, -x) }),
	on(0.5, 2, "x^y^2", func(x, y float64) float64 { return math.Pow(x, y*y) }),
	on(0.5, 2, "(x^y)^2", func(x, y float64) float64 { return sq(math.Pow(x, y)) }),
	all("x ** 3", func(x, y float64) float64 { return x * x * x }),
	on(0.5, 2, "x**-2 + y", func(x, y float64) float64 { return 1/(x*x) + y }),
	all("2*3 + x*4", func(x, y float64) float64 { return 6 + 4*x }),
	all("x - -y", func(x, y float64) float64 { return x + y }),
	all("+x - +y", func(x, y float64) float64 { return x - y }),
	all("--x^2", func(x, y float64) float64 { return x * x }),
	all("[x + 1] * (y - 1)", func(x, y float64) float64 { return (x + 1) * (y - 1) }),
	all("((x))^(2)", func(x, y float64) float64 { return x * x }),
	all("1e-3*x + .5*y + 2.*x*y", func(x, y float64) float64 { return 1e-3*x + 0.5*y + 2*x*y }),
	all("1E2 x", func(x, y float64) float64 { return 100 * x }),
	on(0.5, 2, "x/2/y", func(x, y float64) float64 { return x / 2 / y }),
	on(0.5, 2, "x^2^-1", func(x, y float64) float64 { return math.Sqrt(x) }),
	all("-x - y^3", func(x, y float64) float64 { return -x - y*y*y }),
	all("(x - y)^3 / 3", func(x, y float64) float64 { return (x - y) * (x - y) * (x - y) / 3 }),
	all("x^-1^2", func(x, y float64) float64 { return 1 / x }), // x^(-(1^2))
	all("2*x^3*y^2 - x^4", func(x, y float64) float64 { return 2*x*x*x*y*y - x*x*x*x }),
	all("x^16 + y^17", func(x, y float64) float64 { return math.Pow(x, 16) + math.Pow(y, 17) }),
	on(0.5, 2, "x^-3.5", func(x, y float64) float64 { return math.Pow(x, -3.5) }),
	all("(x^2 + 1)^y", func(x, y float64) float64 { return math.Pow(x*x+1, y) }),
	all("x^0 + y^1", func(x, y float64) float64 { return 1 + y }),
	all("8 - 4 - 2 + x", func(x, y float64) float64 { return 2 + x }),
	on(0.5, 2, "x / y * 2", func(x, y float64) float64 { return x / y * 2 }),

	// Implicit multiplication.
	all("2x + 3y", func(x, y float64) float64 { return 2*x + 3*y }),
	all("3(x + y)", func(x, y float64) float64 { return 3 * (x + y) }),
	all("(x + 1)(y - 1)", func(x, y float64) float64 { return (x + 1) * (y - 1) }),
	all("x y", func(x, y float64) float64 { return x * y }),
	all("2 pi x", func(x, y float64) float64 { return 2 * math.Pi * x }),
	all("2sin(x)", func(x, y float64) float64 { return 2 * math.Sin(x) }),
	all("1/2x", func(x, y float64) float64 { return x / 2 }), // (1/2)·x, as the package doc says
	all("x/2y", func(x, y float64) float64 { return x / 2 * y }),
	all("2x^2", func(x, y float64) float64 { return 2 * x * x }),
	all("-2x y", func(x, y float64) float64 { return -2 * x * y }),
	all("x(y + 1)", func(x, y float64) float64 { return x * (y + 1) }),
	all("2|x| + 3|y - 1|", func(x, y float64) float64 { return 2*math.Abs(x) + 3*math.Abs(y-1) }),
	all("e^2x", func(x, y float64) float64 { return math.E * math.E * x }),
	all("x sin(y) cos(x)", func(x, y float64) float64 { return x * math.Sin(y) * math.Cos(x) }),
	all("2[x + y]^2", func(x, y float64) float64 { return 2 * sq(x+y) }),
	all("(x)(y)(x + y)", func(x, y float64) float64 { return x * y * (x + y) }),
	all("sin(x)cos(y)", func(x, y float64) float64 { return math.Sin(x) * math.Cos(y) }),
	all("3 x^2 y", func(x, y float64) float64 { return 3 * x * x * y }),
	all("4(x - 1)^2 + (y + 2)^2/2", func(x, y float64) float64 { return 4*sq(x-1) + sq(y+2)/2 }),
	all("tau x + phi y", func(x, y float64) float64 { return 2*math.Pi*x + math.Phi*y }),
	all("pi/4 x", func(x, y float64) float64 { return math.Pi / 4 * x }),
	all("|x||y|", func(x, y float64) float64 { return math.Abs(x) * math.Abs(y) }),
	all("|x + |y||", func(x, y float64) float64 { return math.Abs(x + math.Abs(y)) }),
	all("|x - y|^3", func(x, y float64) float64 { return math.Pow(math.Abs(x-y), 3) }),
	all("x y^2 x", func(x, y float64) float64 { return x * y * y * x }),
	all("2 e^-x^2", func(x, y float64) float64 { return 2 * math.Exp(-x*x) }),

	// Names in any case.
	all("SIN(x) + Cos(Y) + PI", func(x, y float64) float64 { return math.Sin(x) + math.Cos(y) + math.Pi }),
	all("X Y + E", func(x, y float64) float64 { return x*y + math.E }),

	// Every function.
	all("sin(x y)", func(x, y float64) float64 { return math.Sin(x * y) }),
	all("cos(x + 2y)", func(x, y float64) float64 { return math.Cos(x + 2*y) }),
	on(-1, 1, "tan(x) + tan(y/2)", func(x, y float64) float64 { return math.Tan(x) + math.Tan(y/2) }),
	on(-0.9, 0.9, "asin(x) - asin(y)/2", func(x, y float64) float64 { return math.Asin(x) - math.Asin(y)/2 }),
	on(-0.9, 0.9, "acos(x y)", func(x, y float64) float64 { return math.Acos(x * y) }),
	all("atan(y)", func(x, y float64) float64 { return math.Atan(y) }),
	all("atan(x/3) + atan(2y)", func(x, y float64) float64 { return math.Atan(x/3) + math.Atan(2*y) }),
	all("atan2(y, x)", func(x, y float64) float64 { return math.Atan2(y, x) }),
	all("atan2(x + 3, y^2 + 1)", func(x, y float64) float64 { return math.Atan2(x+3, y*y+1) }),
	all("sinh(x) + cosh(y)", func(x, y float64) float64 { return math.Sinh(x) + math.Cosh(y) }),
	all("tanh(x y)", func(x, y float64) float64 { return math.Tanh(x * y) }),
	all("asinh(3x) + asinh(-y)", func(x, y float64) float64 { return math.Asinh(3*x) + math.Asinh(-y) }),
	on(1.1, 3, "acosh(x) + acosh(y^2)", func(x, y float64) float64 { return math.Acosh(x) + math.Acosh(y*y) }),
	on(-0.9, 0.9, "atanh(x) - atanh(y/2)", func(x, y float64) float64 { return math.Atanh(x) - math.Atanh(y/2) }),
	all("exp(x - y)", func(x, y float64) float64 { return math.Exp(x - y) }),
	all("expm1(x y)", func(x, y float64) float64 { return math.Expm1(x * y) }),
	on(0.1, 3, "log(x) + ln(y)", func(x, y float64) float64 { return math.Log(x) + math.Log(y) }),
	all("log(1 + x^2 + y^4)", func(x, y float64) float64 { return math.Log(1 + x*x + y*y*y*y) }),
	on(0, 3, "log1p(x y)", func(x, y float64) float64 { return math.Log1p(x * y) }),
	on(0.1, 3, "log2(x) + log10(y)", func(x, y float64) float64 { return math.Log2(x) + math.Log10(y) }),
	on(1.5, 3, "log(x, y)", func(x, y float64) float64 { return math.Log(y) / math.Log(x) }),
	on(0.1, 3, "log(2, x y)", func(x, y float64) float64 { return math.Log(x*y) / math.Ln2 }),
	on(0.1, 3, "sqrt(x) + sqrt(y)", func(x, y float64) float64 { return math.Sqrt(x) + math.Sqrt(y) }),
	all("sqrt(x^2 + y^2)", func(x, y float64) float64 { return math.Hypot(x, y) }),
	all("cbrt(x) + cbrt(y - 3)", func(x, y float64) float64 { return math.Cbrt(x) + math.Cbrt(y-3) }),
	all("abs(x - 2y)", func(x, y float64) float64 { return math.Abs(x - 2*y) }),
	all("sign(x) y", func(x, y float64) float64 { return sign(x) * y }),
	all("min(x, y)", func(x, y float64) float64 { return math.Min(x, y) }),
	all("max(x, y, 0.5)", func(x, y float64) float64 { return math.Max(math.Max(x, y), 0.5) }),
	all("min(x^2, y^2, 1, x y)", func(x, y float64) float64 { return math.Min(math.Min(math.Min(x*x, y*y), 1), x*y) }),
	on(0.5, 2, "pow(x, y)", func(x, y float64) float64 { return math.Pow(x, y) }),
	all("pow(x, 3) + pow(2, y)", func(x, y float64) float64 { return x*x*x + math.Pow(2, y) }),
	all("hypot(x, y)", func(x, y float64) float64 { return math.Hypot(x, y) }),
	all("hypot(x - 1, 2y)", func(x, y float64) float64 { return math.Hypot(x-1, 2*y) }),
	all("floor(3x) + y", func(x, y float64) float64 { return math.Floor(3*x) + y }),
	all("ceil(x) y", func(x, y float64) float64 { return math.Ceil(x) * y }),
	all("round(2x) + y^2", func(x, y float64) float64 { return math.Round(2*x) + y*y }),
	all("mod(x, 0.7) + y", func(x, y float64) float64 { return x - 0.7*math.Floor(x/0.7) + y }),
	on(0.5, 2, "mod(3x, y)", func(x, y float64) float64 { return 3*x - y*math.Floor(3*x/y) }),
	all("mod(-x, 1.5)", func(x, y float64) float64 { return -x - 1.5*math.Floor(-x/1.5) }),

	// Compositions, as course formulas write them.
	all("(1-x)^2 + 100(y-x^2)^2", func(x, y float64) float64 { return sq(1-x) + 100*sq(y-x*x) }),
	all("(1.5 - x + x y)^2 + (2.25 - x + x y^2)^2 + (2.625 - x + x y^3)^2", func(x, y float64) float64 {
		return sq(1.5-x+x*y) + sq(2.25-x+x*y*y) + sq(2.625-x+x*y*y*y)
	}),
	all("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", func(x, y float64) float64 { return sq(x*x+y-11) + sq(x+y*y-7) }),
	all("20 + x^2 - 10cos(2pi x) + y^2 - 10cos(2pi y)", func(x, y float64) float64 {
		return 20 + x*x - 10*math.Cos(2*math.Pi*x) + y*y - 10*math.Cos(2*math.Pi*y)
	}),
	all("-20exp(-0.2sqrt(0.5(x^2 + y^2))) - exp(0.5(cos(tau x) + cos(tau y))) + e + 20", func(x, y float64) float64 {
		return -20*math.Exp(-0.2*math.Sqrt(0.5*(x*x+y*y))) - math.Exp(0.5*(math.Cos(2*math.Pi*x)+math.Cos(2*math.Pi*y))) + math.E + 20
	}),
	all("log(1 + exp(-x y))", func(x, y float64) float64 { return math.Log(1 + math.Exp(-x*y)) }),
	all("1/(1 + exp(-(2x - y)))", func(x, y float64) float64 { return 1 / (1 + math.Exp(-(2*x - y))) }),
	all("sin(x)*cos(y) / (2 + exp(-x y))", func(x, y float64) float64 { return math.Sin(x) * math.Cos(y) / (2 + math.Exp(-x*y)) }),
	all("x^3 - 3x y^2", func(x, y float64) float64 { return x*x*x - 3*x*y*y }),
	all("1 - exp(-(x^2 + y^2)/4)", func(x, y float64) float64 { return 1 - math.Exp(-(x*x+y*y)/4) }),
	all("0.5(cos(pi/6) x + sin(pi/6) y)^2", func(x, y float64) float64 {
		return 0.5 * sq(math.Cos(math.Pi/6)*x+math.Sin(math.Pi/6)*y)
	}),
	all("max(|x|, |y|) + min(x, -y)^2", func(x, y float64) float64 {
		return math.Max(math.Abs(x), math.Abs(y)) + sq(math.Min(x, -y))
	}),
	on(0.5, 2, "x^(y^2 + 1) / 3", func(x, y float64) float64 { return math.Pow(x, y*y+1) / 3 }),
	on(0.5, 2, "(x + y)^-1.5 * 7", func(x, y float64) float64 { return math.Pow(x+y, -1.5) * 7 }),
	all("tanh(asinh(x)) + cosh(y)/sinh(2 + y^2)", func(x, y float64) float64 {
		return math.Tanh(math.Asinh(x)) + math.Cosh(y)/math.Sinh(2+y*y)
	}),
	all("exp(sin(x)) cbrt(y + 5) - log2(1 + x^2)", func(x, y float64) float64 {
		return math.Exp(math.Sin(x))*math.Cbrt(y+5) - math.Log2(1+x*x)
	}),
}

// TestCorpusValues checks Eval and ValueGrad against the hand-written value at seeded
// random points, and that the two agree bit for bit.
func TestCorpusValues(t *testing.T) {
	// The same operations in a possibly different order, and x^n by multiplication
	// against math.Pow: a few units in the last place.
	const tol = 1e-12
	if len(corpus) < 100 {
		t.Errorf("corpus has %d formulas, want at least 100", len(corpus))
	}
	for _, c := range corpus {
		t.Run(c.src, func(t *testing.T) {
			e := mustParse(t, c.src)
			for _, p := range randomPoints(c, 20) {
				x, y := p[0], p[1]
				want := c.f(x, y)
				got := e.Eval(x, y)
				if !close(got, want, tol) {
					t.Errorf("f(%v, %v): got %v, want %v", x, y, got, want)
				}
				v, gx, gy := e.ValueGrad(x, y)
				if math.Float64bits(v) != math.Float64bits(got) {
					t.Errorf("f(%v, %v): ValueGrad gave %v, Eval %v", x, y, v, got)
				}
				if gx2, gy2 := e.Grad(x, y); gx2 != gx || gy2 != gy {
					t.Errorf("∇f(%v, %v): Grad gave (%v, %v), ValueGrad (%v, %v)", x, y, gx2, gy2, gx, gy)
				}
			}
		})
	}
}

// TestCorpusGradients checks every gradient against gonum's central differences.
func TestCorpusGradients(t *testing.T) {
	// Central differences with gonum's default step (about 6e-6) err by about
	// step²·f''' + ε/step ≈ 1e-10 relative; 1e-6 leaves room for steep formulas.
	const tol = 1e-6
	settings := &fd.Settings{Formula: fd.Central}
	for _, c := range corpus {
		t.Run(c.src, func(t *testing.T) {
			e := mustParse(t, c.src)
			f := func(v []float64) float64 { return e.Eval(v[0], v[1]) }
			for _, p := range randomPoints(c, 10) {
				want := fd.Gradient(nil, f, p[:], settings)
				gx, gy := e.Grad(p[0], p[1])
				if !close(gx, want[0], tol) || !close(gy, want[1], tol) {
					t.Errorf("∇f(%v, %v): got (%v, %v), central differences (%v, %v)",
						p[0], p[1], gx, gy, want[0], want[1])
				}
			}
		})
	}
}

// randomPoints returns n points drawn uniformly from c's box, the same on every run.
func randomPoints(c formula, n int) [][2]float64 {
	rng := rand.New(rand.NewPCG(1, uint64(len(c.src)))) // seeded: a failure reproduces
	pts := make([][2]float64, n)
	for i := range pts {
		pts[i] = [2]float64{c.lo + (c.hi-c.lo)*rng.Float64(), c.lo + (c.hi-c.lo)*rng.Float64()}
	}
	return pts
}

// close reports whether got is within tol of want, relative to max(1, |want|).
func close(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}
