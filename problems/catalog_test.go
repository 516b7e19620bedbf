package problems

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"descent/problems/expr"

	"gonum.org/v1/gonum/diff/fd"
)

// variations are catalog entries built with other parameter values, so that every
// check below also covers a problem that With made: extreme ranges, a turned and an
// unturned valley, tiny and large datasets, no noise, strong ridge.
var variations = []struct {
	name string
	vals map[string]float64
}{
	{"quadratic", map[string]float64{"a1": 0.01, "a2": 100}},
	{"ill-conditioned", map[string]float64{"a1": 3, "a2": 0.5}},
	{"rotated", map[string]float64{"kappa": 1}},
	{"rotated", map[string]float64{"kappa": 1000, "angle": -90}},
	{"rotated", map[string]float64{"kappa": 50, "angle": 45}},
	{"rotated", map[string]float64{"angle": 0}},
	{"regression", map[string]float64{"n": 2, "seed": 7}},
	{"regression", map[string]float64{"n": 10000, "sigma": 5}},
	{"regression", map[string]float64{"lambda": 10}},
	{"regression", map[string]float64{"sigma": 0, "seed": 42}},
	{"linear-map", map[string]float64{"a11": 1, "a12": 0.5, "a21": -2, "a22": 0.3}}, // skewed: a turned valley
	{"linear-map", map[string]float64{"a11": -5, "a12": 5, "a21": 5, "a22": 5}},     // the range's corners, κ = 1
}

// instance is a problem under test and the name its subtest runs under.
type instance struct {
	name string
	p    *Problem
}

// instances returns every built-in, then every variation.
func instances(t *testing.T) []instance {
	t.Helper()
	var out []instance
	for _, p := range All() {
		out = append(out, instance{p.Name, p})
	}
	for _, v := range variations {
		base, ok := Lookup(v.name)
		if !ok {
			t.Fatalf("no built-in %q", v.name)
		}
		p, err := base.With(v.vals)
		if err != nil {
			t.Fatalf("%s.With(%v): %v", v.name, v.vals, err)
		}
		out = append(out, instance{fmt.Sprintf("%s%v", v.name, v.vals), p})
	}
	return out
}

// offsets are fractions of the domain giving asymmetric interior points, away from the
// centre where several problems have their minimum or saddle.
var offsets = [][2]float64{{0.13, 0.71}, {0.62, 0.27}, {0.88, 0.94}, {0.31, 0.45}}

func TestGradientsAgainstFiniteDifferences(t *testing.T) {
	// Central differences with gonum's default step are good to ~1e-8 relative on these
	// smooth surfaces; 1e-6 leaves room.
	const tol = 1e-6
	for _, in := range instances(t) {
		p := in.p
		t.Run(in.name, func(t *testing.T) {
			for _, o := range offsets {
				x := []float64{p.XMin + o[0]*(p.XMax-p.XMin), p.YMin + o[1]*(p.YMax-p.YMin)}
				want := fd.Gradient(nil, func(v []float64) float64 { return p.Value(v[0], v[1]) },
					x, &fd.Settings{Formula: fd.Central})
				gx, gy := p.Grad(x[0], x[1])
				scale := math.Max(1, math.Hypot(want[0], want[1]))
				if math.Abs(gx-want[0]) > tol*scale || math.Abs(gy-want[1]) > tol*scale {
					t.Errorf("at %v: got (%v, %v), finite differences (%v, %v)", x, gx, gy, want[0], want[1])
				}
			}
		})
	}
}

// unbounded are the built-ins without a minimum, whose value falls without end.
var unbounded = map[string]bool{"monkey-saddle": true}

func TestMinima(t *testing.T) {
	for _, in := range instances(t) {
		p := in.p
		t.Run(in.name, func(t *testing.T) {
			if len(p.Minima) == 0 {
				if !unbounded[p.Name] {
					t.Fatal("no minima listed")
				}
				// Far along the valley θ = π, f = x³ is as low as we look.
				if v := p.Value(-1e3, 0); v > -1e8 {
					t.Errorf("f(-1000, 0): got %v, want below -1e8 (no minimum)", v)
				}
				return
			}
			for _, m := range p.Minima {
				v := p.Value(m.X, m.Y)
				if math.Abs(v-m.Value) > 1e-9*math.Max(1, math.Abs(m.Value)) {
					t.Errorf("f(%v, %v): got %v, want %v", m.X, m.Y, v, m.Value)
				}
				// The tables hold the minima to float64 precision, so |∇f| is rounding
				// error: f's second derivatives (up to ~2e4 for Goldstein–Price and the
				// κ = 1000 valley) times ~1e-15, relative to f's size.
				if gx, gy := p.Grad(m.X, m.Y); math.Hypot(gx, gy) > 1e-9*math.Max(1, math.Abs(m.Value)) {
					t.Errorf("∇f(%v, %v): got (%v, %v), want 0", m.X, m.Y, gx, gy)
				}
				if !inside(p, m.X, m.Y) {
					t.Errorf("minimum (%v, %v) outside the domain", m.X, m.Y)
				}
			}
		})
	}
}

func TestStart(t *testing.T) {
	for _, in := range instances(t) {
		p := in.p
		t.Run(in.name, func(t *testing.T) {
			x, y := p.Start[0], p.Start[1]
			if !inside(p, x, y) {
				t.Errorf("start (%v, %v) outside the domain", x, y)
			}
			if gx, gy := p.Grad(x, y); math.Hypot(gx, gy) < 1e-3 {
				t.Errorf("start (%v, %v) is nearly stationary: ∇f = (%v, %v)", x, y, gx, gy)
			}
			if v := p.Value(x, y); math.IsNaN(v) || math.IsInf(v, 0) {
				t.Errorf("f at start: got %v, want finite", v)
			}
		})
	}
}

func TestCatalog(t *testing.T) {
	all := All()
	var names []string
	for _, p := range all {
		names = append(names, p.Name)
	}
	// The notes' problems first, then the classics, then the constructed landscapes.
	want := []string{"quadratic", "ill-conditioned", "rotated", "regression", "linear-map",
		"rosenbrock", "beale", "himmelblau", "booth", "matyas", "goldstein-price", "mccormick",
		"three-hump-camel", "six-hump-camel", "styblinski-tang", "rastrigin", "ackley",
		"saddle", "monkey-saddle", "plateau", "gaussian-wells"}
	if !slices.Equal(names, want) {
		t.Errorf("got %v, want %v", names, want)
	}
	if !slices.Equal(Names(), want) {
		t.Errorf("Names() = %v, want %v", Names(), want)
	}
	for i, title := range Titles() {
		if title != all[i].Title {
			t.Errorf("Titles()[%d] = %q, want %q, the built problem's", i, title, all[i].Title)
		}
	}
	seen := map[string]bool{}
	for _, p := range all {
		if seen[p.Name] {
			t.Errorf("duplicate name %q", p.Name)
		}
		seen[p.Name] = true
		if got, ok := Lookup(p.Name); !ok || got != p {
			t.Errorf("Lookup(%q): got %v, %v, want the catalog entry", p.Name, got, ok)
		}
		if p.Title == "" || p.Description == "" || p.Source == "" {
			t.Errorf("%s: Title, Description and Source must be set", p.Name)
		}
		if p.Expr == nil || p.Expr.String() != p.Formula {
			t.Errorf("%s: Expr not parsed from Formula", p.Name)
		}
		if (p.Name == "regression") != (p.Data() != nil) {
			t.Errorf("%s: Data() = %v, want a dataset only for regression", p.Name, p.Data())
		}
		for _, prm := range p.Params {
			if !(prm.Min <= prm.Default && prm.Default <= prm.Max) || prm.Symbol == "" || prm.Help == "" ||
				(prm.Log && prm.Min <= 0) {
				t.Errorf("%s: parameter %+v: want Min ≤ Default ≤ Max, Min > 0 when Log, Symbol and Help set", p.Name, prm)
			}
		}
		if !(p.XMin < p.XMax && p.YMin < p.YMax) {
			t.Errorf("%s: empty domain %v", p.Name, []float64{p.XMin, p.XMax, p.YMin, p.YMax})
		}
		if strings.ToLower(p.Name) != p.Name || strings.ContainsAny(p.Name, " #&=") {
			t.Errorf("%s: name is not a URL key", p.Name)
		}
	}
	if _, ok := Lookup("custom"); ok {
		t.Error(`Lookup("custom"): got a built-in, want none`)
	}
	if _, ok := Lookup("nope"); ok {
		t.Error(`Lookup("nope"): got ok, want not found`)
	}
	if got := Default(); got.Name != "ill-conditioned" {
		t.Errorf("Default(): got %q, want ill-conditioned", got.Name)
	}
	all[0] = nil
	if All()[0] == nil {
		t.Error("All returned the catalog itself, want a copy")
	}
}

// TestIllConditionedThreshold checks the Description's claim: gradient descent on
// x² + 10y² converges for learning rate 0.099 and diverges for 0.101 (2/λmax = 0.1).
func TestIllConditionedThreshold(t *testing.T) {
	p := Default()
	run := func(lr float64) float64 {
		x, y := p.Start[0], p.Start[1]
		for range 2000 {
			gx, gy := p.Grad(x, y)
			x, y = x-lr*gx, y-lr*gy
		}
		return p.Value(x, y)
	}
	if v := run(0.099); v > 1e-6 {
		t.Errorf("lr 0.099: got f = %v after 2000 steps, want < 1e-6", v)
	}
	if v := run(0.101); v < 1e6 {
		t.Errorf("lr 0.101: got f = %v after 2000 steps, want > 1e6", v)
	}
}

func TestMinValue(t *testing.T) {
	tests := []struct {
		name string
		want float64
	}{
		{"quadratic", 0}, {"saddle", -0.25}, {"himmelblau", 0},
		{"goldstein-price", 3}, {"six-hump-camel", -1.0316284534898774}, // the lowest of the listed minima
		{"monkey-saddle", -16}, // no minima: the grid's corners (2, ±2) give 8 − 3·2·4 = −16
	}
	for _, tt := range tests {
		p, _ := Lookup(tt.name)
		if got := p.MinValue(); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
	// Without minima: the 64×64 grid over [-5, 5]² includes (-5, -5), the lowest corner.
	c, err := Custom("x + y")
	if err != nil {
		t.Fatal(err)
	}
	if got := c.MinValue(); got != -10 {
		t.Errorf("Custom(x + y): got %v, want -10", got)
	}
	c, _ = Custom("log(-1 - x^2)")
	if got := c.MinValue(); !math.IsNaN(got) {
		t.Errorf("Custom(log(-1 - x^2)): got %v, want NaN", got)
	}
}

func TestCustom(t *testing.T) {
	p, err := Custom("x^2 + 3*y^2")
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "custom" || p.Title != "Custom: x^2 + 3*y^2" || p.Scale != Linear || len(p.Minima) != 0 {
		t.Errorf("got %+v", p)
	}
	if v := p.Value(1, 2); v != 13 {
		t.Errorf("f(1, 2): got %v, want 13", v)
	}
	if !inside(p, p.Start[0], p.Start[1]) {
		t.Errorf("start %v outside the domain", p.Start)
	}

	_, err = Custom("x + (y * 2")
	var se *expr.SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("got %v, want a wrapped *expr.SyntaxError", err)
	}
	if se.Offset != 10 {
		t.Errorf("offset: got %d, want 10", se.Offset)
	}
	if !strings.HasPrefix(err.Error(), "problems: ") {
		t.Errorf("got %q, want the problems: prefix", err)
	}
}

func TestScaleString(t *testing.T) {
	for s, want := range map[Scale]string{Linear: "linear", Log: "log", Scale(7): "Scale(7)"} {
		if got := s.String(); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func inside(p *Problem, x, y float64) bool {
	xmin, xmax, ymin, ymax := p.Bounds()
	return xmin <= x && x <= xmax && ymin <= y && y <= ymax
}
