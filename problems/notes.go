package problems

import "fmt"

// notes are the course notes' own problems (§3.3, Figures 2–4; the bias–variance
// section): the quadratic f = a₁x₁² + a₂x₂², turned, and a regression loss.
var notes = []*Problem{
	{
		Name:    "quadratic",
		Title:   "Well-conditioned quadratic",
		Formula: "a1*x^2 + a2*y^2",
		Source:  "course notes §3.3, f = a₁x₁² + a₂x₂² with a₁ = a₂ (Figure 2a)",
		XMin:    -5, XMax: 5, YMin: -5, YMax: 5,
		Start:  [2]float64{-4, 3},
		Minima: []Minimum{{0, 0, 0}},
		Scale:  Log,
		Params: quadraticParams(1, 1),
		derive: describeQuadratic,
	},
	{
		Name:    "ill-conditioned",
		Title:   "Ill-conditioned quadratic",
		Formula: "a1*x^2 + a2*y^2",
		Source:  "course notes §3.3, f = a₁x₁² + a₂x₂² with a₂ ≫ a₁ (Figures 2b, 2c, 3, 4)",
		XMin:    -5, XMax: 5, YMin: -3, YMax: 3,
		Start:  [2]float64{-4.5, 2},
		Minima: []Minimum{{0, 0, 0}},
		Scale:  Log,
		Params: quadraticParams(0.1, 10),
		derive: describeQuadratic,
	},
	{
		Name:  "rotated",
		Title: "Rotated quadratic",
		// u = x·cos θ + y·sin θ and v = y·cos θ − x·sin θ are (x, y) in axes turned by θ.
		Formula: "0.5*(cos(angle*pi/180)*x + sin(angle*pi/180)*y)^2 + " +
			"0.5*kappa*(cos(angle*pi/180)*y - sin(angle*pi/180)*x)^2",
		Description: "The notes' quadratic turned by an angle, f = ½(u² + κv²) in the turned axes (u, v): " +
			"its condition number is κ, gradient descent is stable below learning rate 2/κ, and " +
			"per-coordinate step sizes (Adagrad, RMSProp, Adam) help less, since the valley no longer lies along an axis.",
		Source: "course notes §3.3, f = a₁x₁² + a₂x₂² with a₁ = ½, a₂ = κ/2, in axes rotated by θ; " +
			"Hessian R(θ)ᵀ·diag(1, κ)·R(θ), so the minimum stays at the origin",
		XMin: -5, XMax: 5, YMin: -5, YMax: 5,
		Start:  [2]float64{-4.5, -1},
		Minima: []Minimum{{0, 0, 0}},
		Scale:  Log,
		Params: []Param{
			{Name: "kappa", Symbol: "κ", Default: 10, Min: 1, Max: 1000, Log: true,
				Help: "The condition number: how many times steeper the valley's walls are than its floor."},
			{Name: "angle", Symbol: "θ", Default: 30, Min: -90, Max: 90,
				Help: "The angle in degrees between the valley's floor and the x axis."},
		},
	},
	regression,
	linearMap, // §2, the chain rule
}

// quadraticParams returns the parameters a₁, a₂ of f = a₁x² + a₂y² with the given
// defaults; the range is shared by every quadratic of the notes.
func quadraticParams(a1, a2 float64) []Param {
	return []Param{
		{Name: "a1", Symbol: "a₁", Default: a1, Min: 0.01, Max: 100, Log: true,
			Help: "The curvature along x: how steep the bowl rises left and right."},
		{Name: "a2", Symbol: "a₂", Default: a2, Min: 0.01, Max: 100, Log: true,
			Help: "The curvature along y: how steep the bowl rises up and down."},
	}
}

// describeQuadratic writes the Description of f = a₁x² + a₂y² for the values in
// vals, with the learning rate above which gradient descent diverges, 2/(2·max aᵢ).
func describeQuadratic(vals map[string]float64, q *Problem) {
	a1, a2 := vals["a1"], vals["a2"]
	if a1 == a2 {
		q.Description = fmt.Sprintf("A round bowl (a₁ = a₂ = %.4g): the gradient points straight at the minimum, "+
			"so gradient descent heads right for it; it is stable for learning rates below %.4g.", a1, 1/a1)
		return
	}
	steep := max(a1, a2)
	q.Description = fmt.Sprintf("A long narrow valley (a₁ = %.4g, a₂ = %.4g; Hessian diag(%.4g, %.4g), condition number %.4g): "+
		"gradient descent zig-zags across it and diverges for learning rates above %.4g = 2/%.4g, "+
		"yet crawls along it, since any rate it survives is tiny for the flat direction.",
		a1, a2, 2*a1, 2*a2, steep/min(a1, a2), 1/steep, 2*steep)
}
