package explain

import (
	"strings"
	"testing"

	"descent/game/race"
	"descent/optim"
	"descent/problems"
)

// stabilityCases are the surfaces: the notes' ill-conditioned
// quadratic, and linear-map with its default A (the same surface) and with a
// skewed A, whose valley is turned.
var stabilityCases = []struct {
	problem string
	vals    map[string]float64
}{
	{"ill-conditioned", nil},
	{"linear-map", nil},
	{"linear-map", map[string]float64{"a11": 1, "a12": 0.5, "a21": -2, "a22": 0.3}},
}

// TestStabilityMark checks the mark the α slider shows at 2/λmax (gradient
// descent) and 2(1+m)/λmax (heavy-ball momentum), with λmax from the
// problem's Hessian at its start: 1% below the limit the runner converges,
// 1% above it diverges.
func TestStabilityMark(t *testing.T) {
	// 1% moves the stiffest mode's root by about 2% a step (|1 − 0.99·2| =
	// 0.98 for gradient descent), so 3000 steps settle either way.
	const steps = 3000
	for _, sc := range stabilityCases {
		base, _ := problems.Lookup(sc.problem)
		p, err := base.With(sc.vals)
		if err != nil {
			t.Fatal(err)
		}
		lambdaMax := p.Curvature(p.Start[0], p.Start[1]).L1
		for _, opt := range []struct {
			name   string
			params map[string]float64
		}{{"gd", nil}, {"momentum", map[string]float64{"m": 0.9}}, {"momentum", map[string]float64{"m": 0.5}}} {
			limit, ok := optim.StabilityLimit(opt.name, opt.params, lambdaMax)
			if !ok {
				t.Fatalf("%s: no limit at λmax = %v", opt.name, lambdaMax)
			}
			for _, c := range []struct {
				factor float64
				want   race.Status
			}{{0.99, race.Converged}, {1.01, race.Diverged}} {
				params := map[string]float64{"lr": limit * c.factor}
				for k, v := range opt.params {
					params[k] = v
				}
				_, _, status, at, err := race.TrajectoryEntry(p, race.Entry{Optimizer: opt.name, Params: params}, p.Start, steps)
				if err != nil {
					t.Fatal(err)
				}
				if status != c.want {
					t.Errorf("%s%v, %s%v at α = %v × %v: got %v (step %d), want %v",
						sc.problem, sc.vals, opt.name, opt.params, c.factor, limit, status, at, c.want)
				}
			}
		}
	}
}

func TestLocal(t *testing.T) {
	p := problems.Default() // 0.1x² + 10y²: λ = 20, 0.2; κ = 100; 2/λmax = 0.1
	c := p.Curvature(1, 1)
	for _, tc := range []struct {
		optimizer string
		params    map[string]float64
		want      []string
	}{
		{"gd", map[string]float64{"lr": 0.05}, []string{"= 20, 0.2", "= 100", "α < 2/λmax", "= 0.1; α = 0.05 is stable here"}},
		{"gd", map[string]float64{"lr": 0.11}, []string{"α = 0.11 is unstable here"}},
		{"momentum", map[string]float64{"lr": 0.02, "m": 0.9}, []string{"α < 2(1+m)/λmax", "= 0.19; α = 0.02 is stable"}},
		{"adam", map[string]float64{"lr": 0.1}, []string{"= 100"}},
	} {
		text := joined(Local(c, tc.optimizer, tc.params))
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s %v: got %q, want it to contain %q", tc.optimizer, tc.params, text, w)
			}
		}
	}
	if text := joined(Local(c, "adam", nil)); strings.Contains(text, "α <") {
		t.Errorf("adam: got %q, want no stability limit", text)
	}
}

func joined(lines []Line) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.Rule + " " + l.Numbers + "\n")
	}
	return b.String()
}

// TestChainReadout builds the readout for a skewed A from the problem itself
// and checks the numbers of the notes' Problems 4–7 worked by hand at
// x = (1, −2), A = [[1, 0.5], [−2, 0.3]]:
// y = Aᵀx = (1·1 + (−2)(−2), 0.5·1 + 0.3·(−2)) = (5, −0.1), f = 25.01,
// ∂f/∂y = (10, −0.2), ∇f = A·(10, −0.2) = (9.9, −20.06),
// 2AAᵀ = [[2.5, −3.7], [−3.7, 8.18]], ∇_A f = 2x·yᵀ = [[10, −0.2], [−20, 0.4]].
func TestChainReadout(t *testing.T) {
	base, _ := problems.Lookup("linear-map")
	p, err := base.With(map[string]float64{"a11": 1, "a12": 0.5, "a21": -2, "a22": 0.3})
	if err != nil {
		t.Fatal(err)
	}
	a, ok := p.LinearMap()
	if !ok {
		t.Fatal("linear-map has no matrix")
	}
	x := [2]float64{1, -2}
	gx, gy := p.Grad(x[0], x[1])
	lines := Chain(problems.ChainRule(a, x), [2]float64{gx, gy})
	for rule, want := range map[string]string{
		"y = Aᵀx":        "= (5, −0.1)",
		"f = ‖y‖² = yᵀy": "= 25.01",
		"∂f/∂y = 2y":     "= (10, −0.2)",
		"∂y/∂x = A, (∂y/∂x)ᵢⱼ = ∂yⱼ/∂xᵢ":  "= [[1, 0.5], [−2, 0.3]]",
		"∇ₓf = (∂y/∂x)·(∂f/∂y) = 2AAᵀx":   "= (9.9, −20.06)",
		"∇f by automatic differentiation": "= (9.9, −20.06)",
		"Hessian 2AAᵀ":                    "= [[2.5, −3.7], [−3.7, 8.18]]",
		"∇_A f = 2xxᵀA":                   "= [[10, −0.2], [−20, 0.4]]",
	} {
		line, ok := find(lines, rule)
		if !ok || !strings.Contains(line.Numbers, want) {
			t.Errorf("%s: got %q, want it to contain %q", rule, line.Numbers, want)
		}
	}
	if line, _ := find(lines, "∇f by automatic differentiation"); !strings.Contains(line.Numbers, "within ") {
		t.Errorf("got %q, want the difference from the chain rule", line.Numbers)
	}
	if line, _ := find(lines, "κ = λ₁/λ₂"); !strings.Contains(line.Numbers, num(p.Curvature(0, 0).Kappa)) {
		t.Errorf("κ: got %q, want the problem's own %v", line.Numbers, p.Curvature(0, 0).Kappa)
	}
}

func TestDirectionsAlongTheAxesReadCleanly(t *testing.T) {
	// diag(0.2, 20): the eigenvectors are the axes, which an eigensolver gives
	// with rounding noise of order 1e-17 in the zero components.
	if got := unitClean([2]float64{6.123e-17, 1}); got != [2]float64{0, 1} {
		t.Errorf("unitClean: %v, want (0, 1)", got)
	}
	if got := unitClean([2]float64{0.6, -0.8}); got != [2]float64{0.6, -0.8} {
		t.Errorf("unitClean changed a real direction: %v", got)
	}
}
