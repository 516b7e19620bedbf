package explain

import (
	"math"

	"descent/optim"
	"descent/problems"
)

// Local explains the curvature at a point (the pointer, or a followed ball):
// the Hessian's eigenvalues and directions, the condition number κ, and,
// when the optimizer has one (optim.StabilityRule), its learning-rate limit
// on the local quadratic model next to the α it runs with.
func Local(c problems.Curvature, optimizer string, params map[string]float64) []Line {
	lines := []Line{
		{"Hessian eigenvalues λ₁ ≥ λ₂", "= " + num(c.L1) + ", " + num(c.L2)},
		{"their directions", "= " + pair(unitClean(c.V1)) + ", " + pair(unitClean(c.V2))},
		{"κ = |λ|max/|λ|min", "= " + num(c.Kappa)},
	}
	if rule, ok := optim.StabilityRule(optimizer); ok {
		limit, ok := optim.StabilityLimit(optimizer, params, c.L1)
		if ok {
			verdict := "stable"
			if params["lr"] >= limit {
				verdict = "unstable"
			}
			lines = append(lines, Line{rule, "= " + num(limit) + "; α = " + num(params["lr"]) + " is " + verdict + " here"})
		} else {
			lines = append(lines, Line{rule, "no limit: the surface does not curve up here"})
		}
	}
	return lines
}

// Chain walks the chain rule of the notes' §2 (Problems 4–7) for the
// linear-map problem, f(x) = ‖Aᵀx‖², with its numbers, in the notes'
// convention ((∂y/∂x)ᵢⱼ = ∂yⱼ/∂xᵢ, so that ∇ₓf = (∂y/∂x)·(∂f/∂y)), next to
// automatic, the problem's automatic gradient at the same point, to show the
// two agree.
func Chain(c problems.Chain, automatic [2]float64) []Line {
	diff := math.Max(math.Abs(c.Grad[0]-automatic[0]), math.Abs(c.Grad[1]-automatic[1]))
	return []Line{
		{"y = Aᵀx", "= " + matrix(transpose(c.A)) + "·" + pair(c.X) + " = " + pair(c.Y)},
		{"f = ‖y‖² = yᵀy", "= " + num(c.F)},
		{"∂f/∂y = 2y", "= " + pair(c.DfDy)},
		{"∂y/∂x = A, (∂y/∂x)ᵢⱼ = ∂yⱼ/∂xᵢ", "= " + matrix(c.DyDx)},
		{"∇ₓf = (∂y/∂x)·(∂f/∂y) = 2AAᵀx", "= " + matrix(c.DyDx) + "·" + pair(c.DfDy) + " = " + pair(c.Grad)},
		{"∇f by automatic differentiation", "= " + pair(automatic) + ", within " + num(diff)},
		{"Hessian 2AAᵀ", "= " + matrix(c.Hessian)},
		{"its eigenvalues λ₁ ≥ λ₂", "= " + num(c.Curvature.L1) + ", " + num(c.Curvature.L2) +
			" along " + pair(c.Curvature.V1) + ", " + pair(c.Curvature.V2)},
		{"κ = λ₁/λ₂", "= " + num(c.Curvature.Kappa)},
		{"∇_A f = 2xxᵀA", "= " + matrix(c.GradA)},
	}
}

func transpose(m [2][2]float64) [2][2]float64 {
	return [2][2]float64{{m[0][0], m[1][0]}, {m[0][1], m[1][1]}}
}

// unitClean zeroes the components of a unit vector that are rounding noise
// (cos 90° computed as 6.1e−17), so a direction along an axis reads (0, 1).
func unitClean(v [2]float64) [2]float64 {
	for i := range v {
		if math.Abs(v[i]) < 1e-12 {
			v[i] = 0
		}
	}
	return v
}
