package explain

import (
	"math"
	"strings"
	"testing"

	"descent/game/race"
	"descent/optim"
)

// bowl is the notes' ill-conditioned quadratic in the form x² + 10y² (§3.3),
// Hessian diag(2, 20), as in game/race's tests.
type bowl struct{}

func (bowl) Value(x, y float64) float64         { return x*x + 10*y*y }
func (bowl) Grad(x, y float64) (gx, gy float64) { return 2 * x, 20 * y }
func (bowl) Bounds() (xmin, xmax, ymin, ymax float64) {
	return -5, 5, -5, 5
}

// start is off both axes so both coordinates move.
var start = [2]float64{3, 2}

// hand is the state an optimizer's rule carries between steps, by hand.
type hand struct {
	v, s, m, u, d, vmax [2]float64
}

// handSteps are, for every optimizer, its rule from the notes (§3.1–3.5) or
// its paper (see each optimizer's doc in package optim) written out per
// coordinate, independently of both optim and Step. Each returns θ after the
// step and the numbers the panel must show, keyed by the line's rule. The
// parameters are each optimizer's defaults, what the panel shows first
// (SGD's noise is turned off, so its sampled gradient is the exact one).
var handSteps = map[string]func(h *hand, p map[string]float64, t float64, th, g [2]float64) ([2]float64, map[string][2]float64){
	"gd": func(h *hand, p map[string]float64, t float64, th, g [2]float64) ([2]float64, map[string][2]float64) {
		each(func(k int) { th[k] -= p["lr"] * g[k] })
		return th, nil
	},
	"sgd": func(h *hand, p map[string]float64, t float64, th, g [2]float64) ([2]float64, map[string][2]float64) {
		each(func(k int) { th[k] -= p["lr"] * g[k] })
		return th, nil
	},
	"momentum": func(h *hand, p map[string]float64, t float64, th, g [2]float64) ([2]float64, map[string][2]float64) {
		each(func(k int) {
			h.v[k] = p["m"]*h.v[k] + g[k] // v = m·v + ∇L
			th[k] -= p["lr"] * h.v[k]     // θ = θ − α·v
		})
		return th, map[string][2]float64{"v = m·v + ∇L": h.v}
	},
	"nesterov": func(h *hand, p map[string]float64, t float64, th, g [2]float64) ([2]float64, map[string][2]float64) {
		var dir [2]float64
		each(func(k int) {
			h.v[k] = p["m"]*h.v[k] + g[k]
			dir[k] = g[k] + p["m"]*h.v[k] // the look-ahead form, PyTorch's
			th[k] -= p["lr"] * dir[k]
		})
		return th, map[string][2]float64{"v = m·v + ∇L": h.v, "θ -= α·(∇L + m·v)": dir}
	},
	"adagrad": func(h *hand, p map[string]float64, t float64, th, g [2]float64) ([2]float64, map[string][2]float64) {
		var r [2]float64
		each(func(k int) {
			h.s[k] += p["beta"] * g[k] * g[k]           // s += β·g²
			r[k] = p["lr"] / math.Sqrt(h.s[k]+p["eps"]) // α/√(s+ε)
			th[k] -= r[k] * g[k]
		})
		return th, map[string][2]float64{"s += β·∇L²": h.s, "α/√(s+ε), per coordinate": r}
	},
	"rmsprop": func(h *hand, p map[string]float64, t float64, th, g [2]float64) ([2]float64, map[string][2]float64) {
		var r [2]float64
		each(func(k int) {
			h.s[k] = p["beta"]*h.s[k] + (1-p["beta"])*g[k]*g[k] // s = β·s + (1−β)·g²
			r[k] = p["lr"] / math.Sqrt(h.s[k]+p["eps"])
			th[k] -= r[k] * g[k]
		})
		return th, map[string][2]float64{"s = β·s + (1−β)·∇L²": h.s, "α/√(s+ε), per coordinate": r}
	},
	"adam":    adamFamily,
	"amsgrad": adamFamily,
	"adamw":   adamFamily,
	"nadam":   adamFamily,
	"adamax": func(h *hand, p map[string]float64, t float64, th, g [2]float64) ([2]float64, map[string][2]float64) {
		var r [2]float64
		each(func(k int) {
			h.m[k] = p["beta1"]*h.m[k] + (1-p["beta1"])*g[k]
			h.u[k] = math.Max(p["beta2"]*h.u[k], math.Abs(g[k]))
			r[k] = p["lr"] / (1 - math.Pow(p["beta1"], t)) / (h.u[k] + p["eps"])
			th[k] -= r[k] * h.m[k]
		})
		return th, map[string][2]float64{"u = max(β₂·u, |∇L|)": h.u, "α/(1−β₁ᵗ)/(u+ε), per coordinate": r}
	},
	"adadelta": func(h *hand, p map[string]float64, t float64, th, g [2]float64) ([2]float64, map[string][2]float64) {
		var delta [2]float64
		each(func(k int) {
			rho, eps := p["rho"], p["eps"]
			h.s[k] = rho*h.s[k] + (1-rho)*g[k]*g[k]                          // E[g²]
			delta[k] = -math.Sqrt(h.d[k]+eps) / math.Sqrt(h.s[k]+eps) * g[k] // Δx = −RMS[Δx]/RMS[g]·g
			h.d[k] = rho*h.d[k] + (1-rho)*delta[k]*delta[k]                  // E[Δx²]
			th[k] += p["lr"] * delta[k]
		})
		return th, map[string][2]float64{"Δ = −√(d+ε)/√(s+ε)·∇L": delta, "d = ρ·d + (1−ρ)·Δ²": h.d}
	},
	"lion": func(h *hand, p map[string]float64, t float64, th, g [2]float64) ([2]float64, map[string][2]float64) {
		var c [2]float64
		each(func(k int) {
			c[k] = p["beta1"]*h.m[k] + (1-p["beta1"])*g[k]
			th[k] -= p["lr"] * (sign(c[k]) + p["wd"]*th[k])
			h.m[k] = p["beta2"]*h.m[k] + (1-p["beta2"])*g[k]
		})
		return th, map[string][2]float64{"c = β₁·m + (1−β₁)·∇L": c, "m = β₂·m + (1−β₂)·∇L": h.m}
	},
	"newton": func(h *hand, p map[string]float64, t float64, th, g [2]float64) ([2]float64, map[string][2]float64) {
		// (H + λI)⁻¹ with H = diag(2, 20) is diag(1/(2+λ), 1/(20+λ)).
		dir := [2]float64{g[0] / (2 + p["damping"]), g[1] / (20 + p["damping"])}
		each(func(k int) { th[k] -= p["lr"] * dir[k] })
		return th, map[string][2]float64{"(H + λI)⁻¹·∇L": dir}
	},
}

// adamFamily is Adam (Kingma & Ba, Alg. 1) and the variants that share its
// averages: AMSGrad's vmax, AdamW's decay, NAdam's m̄.
func adamFamily(h *hand, p map[string]float64, t float64, th, g [2]float64) ([2]float64, map[string][2]float64) {
	var mHat, vHat, r, mBar [2]float64
	b1, b2 := p["beta1"], p["beta2"]
	each(func(k int) {
		h.m[k] = b1*h.m[k] + (1-b1)*g[k]
		h.v[k] = b2*h.v[k] + (1-b2)*g[k]*g[k]
		h.vmax[k] = math.Max(h.vmax[k], h.v[k])
		mHat[k] = h.m[k] / (1 - math.Pow(b1, t))
		vHat[k] = h.v[k] / (1 - math.Pow(b2, t))
		mBar[k] = b1*h.m[k]/(1-math.Pow(b1, t+1)) + (1-b1)*g[k]/(1-math.Pow(b1, t))
		r[k] = p["lr"] / (math.Sqrt(vHat[k]) + p["eps"])
		if p["amsgrad"] != 0 {
			r[k] = p["lr"] / (math.Sqrt(h.vmax[k]/(1-math.Pow(b2, t))) + p["eps"])
		}
		switch {
		case p["wd"] != 0: // AdamW, with its default λ = 0.01
			th[k] -= p["lr"] * (mHat[k]/(math.Sqrt(vHat[k])+p["eps"]) + p["wd"]*th[k])
		case p["nadam"] != 0:
			th[k] -= r[k] * mBar[k]
		case p["amsgrad"] != 0: // v̂ from vmax, Reddi et al. Alg. 2 with Adam's correction
			th[k] -= r[k] * mHat[k]
		default:
			th[k] -= r[k] * mHat[k]
		}
	})
	want := map[string][2]float64{"m = β₁·m + (1−β₁)·∇L": h.m, "v = β₂·v + (1−β₂)·∇L²": h.v, "v̂ = v/(1−β₂ᵗ)": vHat, "α/(√v̂+ε), per coordinate": r}
	if p["amsgrad"] != 0 {
		delete(want, "v̂ = v/(1−β₂ᵗ)")
		want["vₘₐₓ = max(vₘₐₓ, v)"] = h.vmax
		var vmaxHat [2]float64
		each(func(k int) { vmaxHat[k] = h.vmax[k] / (1 - math.Pow(b2, t)) })
		want["v̂ = vₘₐₓ/(1−β₂ᵗ)"] = vmaxHat
	}
	if p["nadam"] != 0 {
		want["m̄ = β₁·m/(1−β₁ᵗ⁺¹) + (1−β₁)·∇L/(1−β₁ᵗ)"] = mBar
	} else {
		want["m̂ = m/(1−β₁ᵗ)"] = mHat
	}
	return th, want
}

func each(f func(k int)) { f(0); f(1) }

// TestStepNumbersByHand runs every optimizer for three steps on the bowl and
// checks that the panel's lines show the gradient, each state, each derived
// quantity and θ as the rules worked by hand give them.
func TestStepNumbersByHand(t *testing.T) {
	for _, spec := range optim.Specs() {
		t.Run(spec.Name, func(t *testing.T) {
			handStep, ok := handSteps[spec.Name]
			if !ok {
				t.Fatalf("no hand rule for %s", spec.Name)
			}
			params := map[string]float64{}
			switch spec.Name {
			case "sgd":
				params["sigma"] = 0
			case "newton":
				params["damping"] = 1 // undamped, one step lands on the bowl's minimum
			}
			r, err := race.New(bowl{}, start, []race.Entry{{Optimizer: spec.Name, Params: params}}, 4)
			if err != nil {
				t.Fatal(err)
			}
			rn := r.Runners[0]
			if lines := Step(rn); len(lines) != 1 || lines[0].Rule != spec.Rule {
				t.Errorf("before the first step: got %v, want the rule %q alone", lines, spec.Rule)
			}
			p := spec.Defaults()
			for k, v := range params {
				p[k] = v
			}
			if spec.Name == "nadam" || spec.Name == "amsgrad" {
				p[spec.Name] = 1 // tells adamFamily which variant
			}
			var h hand
			th := start
			for step := 1; step <= 3; step++ {
				g := [2]float64{2 * th[0], 20 * th[1]}
				next, want := handStep(&h, p, float64(step), th, g)
				r.Advance(1)
				lines := Step(rn)
				if want == nil {
					want = map[string][2]float64{}
				}
				if spec.Name == "sgd" {
					want["ĝ, the sampled gradient"] = g
					want["∇L, the exact gradient beside it"] = g
				} else {
					want["∇L"] = g
				}
				want["θ"] = next
				want["Δθ = θₜ − θₜ₋₁"] = [2]float64{next[0] - th[0], next[1] - th[1]}
				for rule, v := range want {
					line, ok := find(lines, rule)
					if !ok {
						t.Errorf("step %d: no line %q in %v", step, rule, lines)
						continue
					}
					if !strings.Contains(line.Numbers, pair(v)) {
						t.Errorf("step %d, %s: got %q, want it to show %s", step, rule, line.Numbers, pair(v))
					}
				}
				// Every equation of the optimizer's rule is a line, in the rule's words.
				for _, e := range strings.Split(spec.Rule, "; ") {
					e = firstClause(e) // SGD's rule goes on to say where ĝ comes from
					if _, ok := find(lines, e); !ok {
						t.Errorf("step %d: no line for the rule's %q", step, e)
					}
				}
				if math.Abs(rn.X-next[0]) > 1e-12 || math.Abs(rn.Y-next[1]) > 1e-12 {
					t.Errorf("step %d: runner at (%v, %v), hand rule at %v", step, rn.X, rn.Y, next)
				}
				th = next
			}
		})
	}
}

func find(lines []Line, rule string) (Line, bool) {
	for _, l := range lines {
		if l.Rule == rule {
			return l, true
		}
	}
	return Line{}, false
}

// TestStepOfADivergence shows the step that flew off: θ is where it would
// have gone, From + Update, not the last finite position the runner keeps.
func TestStepOfADivergence(t *testing.T) {
	r, err := race.New(bowl{}, start, []race.Entry{{Optimizer: "gd", Params: map[string]float64{"lr": 10}}}, 4)
	if err != nil {
		t.Fatal(err)
	}
	r.Advance(10)
	rn := r.Runners[0]
	if rn.Status != race.Diverged {
		t.Fatalf("got %v, want diverged", rn.Status)
	}
	want := pair([2]float64{rn.From[0] + rn.Update[0], rn.From[1] + rn.Update[1]})
	if line, ok := find(Step(rn), "θ"); !ok || line.Numbers != "= "+want {
		t.Errorf("θ: got %q, want %q", line.Numbers, "= "+want)
	}
}
