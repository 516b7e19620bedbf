// Package explain turns a runner's last step, the local curvature and the
// chain rule into the numbers and lines of the panel that explains them.
package explain

import (
	"math"
	"strconv"

	"descent/game/race"
	"descent/optim"
)

// Line is one equation of the explain panel: the rule as the course notes
// (or the optimizer's paper) write it, and the same with the numbers of the
// step filled in, in plain text with Unicode maths.
type Line struct {
	Rule    string // e.g. "v = m·v + ∇L"
	Numbers string // e.g. "= 0.9·(1, 2) + (3, 4) = (3.9, 5.8)"
}

// step is what Step reads from a runner: the last step and the states around it.
type step struct {
	name          string
	p             map[string]float64
	t             float64 // the step number, for the bias corrections
	g             [2]float64
	from, to      [2]float64 // θₜ₋₁ and θₜ (the attempted θₜ on divergence)
	before, after []optim.Vec
	rate          [2]float64 // the per-coordinate step size of an adaptive optimizer
}

// state returns the vector called name in vs, zeros when there is none.
func state(vs []optim.Vec, name string) [2]float64 {
	for _, v := range vs {
		if v.Name == name {
			return v.X
		}
	}
	return [2]float64{}
}

// Step explains the runner's last step: its update rule, line by line, with
// the gradient it used, each state vector before and after, the
// per-coordinate step size of an adaptive optimizer, and the resulting θ.
// Before the first step it gives the rule alone.
func Step(r *race.Runner) []Line {
	spec, _ := optim.Lookup(r.Optimizer)
	if r.LastStep == 0 {
		return []Line{{Rule: spec.Rule, Numbers: "no step taken yet"}}
	}
	s := step{
		name: r.Optimizer, p: r.Params, t: float64(r.LastStep), g: r.Grad,
		from: r.From, to: add(r.From, r.Update),
		before: r.InternalsBefore(nil), after: r.Internals(nil),
	}
	if !(r.Status == race.Diverged && r.StatusStep == r.LastStep) {
		s.to = [2]float64{r.X, r.Y} // exactly, where From + Update could round
	}
	s.rate, _ = r.StepSize()

	lines := []Line{{Rule: "t", Numbers: "= " + strconv.Itoa(r.LastStep)}}
	if r.Optimizer == "sgd" {
		lines = append(lines,
			Line{"ĝ, the sampled gradient", "= " + pair(r.Grad)},
			Line{"∇L, the exact gradient beside it", "= " + pair(r.FullGrad)})
	} else {
		lines = append(lines, Line{"∇L", "= " + pair(r.Grad)})
	}
	lines = append(lines, s.rule()...)
	return append(lines,
		Line{"Δθ = θₜ − θₜ₋₁", "= " + pair(r.Update)},
		Line{"θ", "= " + pair(s.to)})
}

// rule returns the lines of the optimizer's own update, as its Spec.Rule
// writes it, with numbers.
func (s step) rule() []Line {
	p, g, from, to := s.p, s.g, s.from, s.to
	lr := num(p["lr"])
	vb, va := state(s.before, "v"), state(s.after, "v")
	sb, sa := state(s.before, "s"), state(s.after, "s")
	mb, ma := state(s.before, "m"), state(s.after, "m")
	g2 := mul(g, g)
	switch s.name {
	case "gd", "sgd":
		grad := "∇L"
		if s.name == "sgd" {
			grad = "ĝ"
		}
		return []Line{{"θ ← θ − α·" + grad, "= " + pair(from) + " − " + lr + "·" + pair(g) + " = " + pair(to)}}
	case "momentum":
		return []Line{
			{"v ← m·v + ∇L", "= " + num(p["m"]) + "·" + pair(vb) + " + " + pair(g) + " = " + pair(va)},
			{"θ ← θ − α·v", "= " + pair(from) + " − " + lr + "·" + pair(va) + " = " + pair(to)},
		}
	case "nesterov":
		return []Line{
			{"v ← m·v + ∇L", "= " + num(p["m"]) + "·" + pair(vb) + " + " + pair(g) + " = " + pair(va)},
			{"θ ← θ − α·(∇L + m·v)", "= " + pair(from) + " − " + lr + "·" + pair(add(g, scale(p["m"], va))) + " = " + pair(to)},
			{"θ here is the look-ahead point θ − α·m·v", "of the notes' heavy ball, whose velocity v is the same"},
		}
	case "adagrad":
		return []Line{
			{"s ← s + β·∇L²", "= " + pair(sb) + " + " + num(p["beta"]) + "·" + pair(g2) + " = " + pair(sa)},
			s.rateLine("α/√(s+ε)"),
			{"θ ← θ − α/√(s+ε)·∇L", "= " + pair(from) + " − " + pair(s.rate) + "⊙" + pair(g) + " = " + pair(to)},
		}
	case "rmsprop":
		b := p["beta"]
		return []Line{
			{"s ← β·s + (1−β)·∇L²", "= " + num(b) + "·" + pair(sb) + " + " + num(1-b) + "·" + pair(g2) + " = " + pair(sa)},
			s.rateLine("α/√(s+ε)"),
			{"θ ← θ − α/√(s+ε)·∇L", "= " + pair(from) + " − " + pair(s.rate) + "⊙" + pair(g) + " = " + pair(to)},
		}
	case "adam", "amsgrad", "adamw", "nadam":
		b1, b2 := p["beta1"], p["beta2"]
		c1, c2 := 1-math.Pow(b1, s.t), 1-math.Pow(b2, s.t)
		lines := []Line{
			{"m ← β₁·m + (1−β₁)·∇L", "= " + num(b1) + "·" + pair(mb) + " + " + num(1-b1) + "·" + pair(g) + " = " + pair(ma)},
			{"v ← β₂·v + (1−β₂)·∇L²", "= " + num(b2) + "·" + pair(vb) + " + " + num(1-b2) + "·" + pair(g2) + " = " + pair(va)},
		}
		second := va
		if s.name == "amsgrad" {
			second = state(s.after, "vmax")
			lines = append(lines, Line{"vₘₐₓ ← max(vₘₐₓ, v)", "= max(" + pair(state(s.before, "vmax")) + ", " + pair(va) + ") = " + pair(second)})
		}
		mHat := scale(1/c1, ma)
		dir, dirName := mHat, "m̂"
		if s.name == "nadam" {
			c1next := 1 - math.Pow(b1, s.t+1)
			dir, dirName = add(scale(b1/c1next, ma), scale((1-b1)/c1, g)), "m̄"
			lines = append(lines, Line{"m̄ = β₁·m/(1−β₁ᵗ⁺¹) + (1−β₁)·∇L/(1−β₁ᵗ)",
				"= " + num(b1) + "·" + pair(ma) + "/" + num(c1next) + " + " + num(1-b1) + "·" + pair(g) + "/" + num(c1) + " = " + pair(dir)})
		} else {
			lines = append(lines, Line{"m̂ = m/(1−β₁ᵗ)", "= " + pair(ma) + "/" + num(c1) + " = " + pair(mHat)})
		}
		vName := "v"
		if s.name == "amsgrad" {
			vName = "vₘₐₓ"
		}
		lines = append(lines,
			Line{"v̂ = " + vName + "/(1−β₂ᵗ)", "= " + pair(second) + "/" + num(c2) + " = " + pair(scale(1/c2, second))},
			s.rateLine("α/(√v̂+ε)"))
		if s.name == "adamw" {
			return append(lines, Line{"θ ← θ − α·(m̂/(√v̂+ε) + λ·θ)",
				"= " + pair(from) + " − " + pair(s.rate) + "⊙" + pair(mHat) + " − " + lr + "·" + num(p["wd"]) + "·" + pair(from) + " = " + pair(to)})
		}
		return append(lines, Line{"θ ← θ − α·" + dirName + "/(√v̂+ε)", "= " + pair(from) + " − " + pair(s.rate) + "⊙" + pair(dir) + " = " + pair(to)})
	case "adamax":
		b1, b2 := p["beta1"], p["beta2"]
		ub, ua := state(s.before, "u"), state(s.after, "u")
		return []Line{
			{"m ← β₁·m + (1−β₁)·∇L", "= " + num(b1) + "·" + pair(mb) + " + " + num(1-b1) + "·" + pair(g) + " = " + pair(ma)},
			{"u ← max(β₂·u, |∇L|)", "= max(" + num(b2) + "·" + pair(ub) + ", " + pair(abs(g)) + ") = " + pair(ua)},
			s.rateLine("α/(1−β₁ᵗ)/(u+ε)"),
			{"θ ← θ − α/(1−β₁ᵗ)·m/(u+ε)", "= " + pair(from) + " − " + pair(s.rate) + "⊙" + pair(ma) + " = " + pair(to)},
		}
	case "adadelta":
		rho := p["rho"]
		db, da := state(s.before, "d"), state(s.after, "d")
		lr := p["lr"]
		delta := scale(-1/lr, mul(s.rate, g)) // Δ = −√(d+ε)/√(s+ε)·∇L, the rate being α·√(d+ε)/√(s+ε)
		return []Line{
			{"s ← ρ·s + (1−ρ)·∇L²", "= " + num(rho) + "·" + pair(sb) + " + " + num(1-rho) + "·" + pair(g2) + " = " + pair(sa)},
			s.rateLine("α·√(d+ε)/√(s+ε)"),
			{"Δ = −√(d+ε)/√(s+ε)·∇L", "= " + pair(delta)},
			{"d ← ρ·d + (1−ρ)·Δ²", "= " + num(rho) + "·" + pair(db) + " + " + num(1-rho) + "·" + pair(mul(delta, delta)) + " = " + pair(da)},
			{"θ ← θ + α·Δ", "= " + pair(from) + " + " + num(lr) + "·" + pair(delta) + " = " + pair(to)},
		}
	case "lion":
		b1, b2 := p["beta1"], p["beta2"]
		c := add(scale(b1, mb), scale(1-b1, g))
		return []Line{
			{"c = β₁·m + (1−β₁)·∇L", "= " + num(b1) + "·" + pair(mb) + " + " + num(1-b1) + "·" + pair(g) + " = " + pair(c)},
			{"θ ← θ − α·(sign(c) + λ·θ)", "= " + pair(from) + " − " + lr + "·(" + pair([2]float64{sign(c[0]), sign(c[1])}) + " + " + num(p["wd"]) + "·" + pair(from) + ") = " + pair(to)},
			{"m ← β₂·m + (1−β₂)·∇L", "= " + num(b2) + "·" + pair(mb) + " + " + num(1-b2) + "·" + pair(g) + " = " + pair(ma)},
		}
	case "newton":
		dir := scale(-1/p["lr"], sub(to, from))
		return []Line{
			{"(H + λI)⁻¹·∇L", "= " + pair(dir) + " with λ = " + num(p["damping"])},
			{"θ ← θ − α·(H + λI)⁻¹·∇L", "= " + pair(from) + " − " + lr + "·" + pair(dir) + " = " + pair(to)},
		}
	}
	spec, _ := optim.Lookup(s.name)
	return []Line{{Rule: spec.Rule}}
}

// rateLine is the per-coordinate step size of an adaptive optimizer, with the
// notes' Figure 4 point: how many times longer a step y takes than x.
func (s step) rateLine(rule string) Line {
	l := Line{Rule: rule + ", per coordinate", Numbers: "= " + pair(s.rate)}
	if s.rate[0] > 0 && s.rate[1] > 0 {
		l.Numbers += ": y's step is " + num(s.rate[1]/s.rate[0]) + "× x's"
	}
	return l
}

func add(a, b [2]float64) [2]float64           { return [2]float64{a[0] + b[0], a[1] + b[1]} }
func sub(a, b [2]float64) [2]float64           { return [2]float64{a[0] - b[0], a[1] - b[1]} }
func mul(a, b [2]float64) [2]float64           { return [2]float64{a[0] * b[0], a[1] * b[1]} }
func scale(c float64, a [2]float64) [2]float64 { return [2]float64{c * a[0], c * a[1]} }
func abs(a [2]float64) [2]float64              { return [2]float64{math.Abs(a[0]), math.Abs(a[1])} }

func sign(c float64) float64 {
	switch {
	case c > 0:
		return 1
	case c < 0:
		return -1
	}
	return 0
}
