package problems

import (
	"fmt"
	"math"
)

// linearMap is f(x) = ‖Aᵀx‖², the chain-rule example of the notes' §2
// (Problems 4–7), with the 2×2 matrix A as four parameters. Its default A =
// diag(√0.1, √10) makes it §3.3's ill-conditioned quadratic 0.1x² + 10y²; a
// skewed A turns and stretches the valley, whose Hessian is 2AAᵀ.
var linearMap = &Problem{
	Name:  "linear-map",
	Title: "Linear map ‖Aᵀx‖²",
	// With y = Aᵀx: y₁ = a11·x + a21·y and y₂ = a12·x + a22·y (A's columns dotted with x).
	Formula: "(a11*x + a21*y)^2 + (a12*x + a22*y)^2",
	Shown:   "f(x) = ‖Aᵀx‖²",
	Source: "course notes §2, Problems 4–7: f(x) = ‖Aᵀx‖², ∇ₓf = 2AAᵀx, ∇_A f = 2xxᵀA, Hessian 2AAᵀ; " +
		"the default A = diag(√0.1, √10) gives §3.3's f = 0.1x₁² + 10x₂²",
	XMin: -5, XMax: 5, YMin: -3, YMax: 3,
	Start:  [2]float64{-4.5, 2}, // the ill-conditioned quadratic's
	Minima: []Minimum{{0, 0, 0}},
	Scale:  Log,
	Params: []Param{
		linearMapEntry("a11", "A₁₁", math.Sqrt(0.1), "how much x feeds the first output y₁"),
		linearMapEntry("a12", "A₁₂", 0, "how much x feeds the second output y₂"),
		linearMapEntry("a21", "A₂₁", 0, "how much y feeds the first output y₁"),
		linearMapEntry("a22", "A₂₂", math.Sqrt(10), "how much y feeds the second output y₂"),
	},
	derive: describeLinearMap,
}

// linearMapEntry is one entry of A; the four share a range.
func linearMapEntry(name, symbol string, def float64, feeds string) Param {
	return Param{Name: name, Symbol: symbol, Default: def, Min: -5, Max: 5,
		Help: "The entry " + symbol + " of the matrix A: " + feeds + " in y = Aᵀx."}
}

// LinearMap returns the matrix A of the linear-map problem p, A[i][j] = Aᵢⱼ,
// and whether p is that problem.
func (p *Problem) LinearMap() (a [2][2]float64, ok bool) {
	if p.Name != linearMap.Name {
		return a, false
	}
	v := p.ParamValues()
	return [2][2]float64{{v["a11"], v["a12"]}, {v["a21"], v["a22"]}}, true
}

// describeLinearMap writes the Description of ‖Aᵀx‖² for the entries in vals,
// with the Hessian 2AAᵀ's eigenvalues and condition number.
func describeLinearMap(vals map[string]float64, q *Problem) {
	a := [2][2]float64{{vals["a11"], vals["a12"]}, {vals["a21"], vals["a22"]}}
	h := hessianOfLinearMap(a)
	c := Geometry(h[0][0], h[0][1], h[1][1])
	q.Description = fmt.Sprintf("The chain rule's example f = ‖Aᵀx‖² (y = Aᵀx, ∇f = 2AAᵀx): its Hessian 2AAᵀ = "+
		"[[%.4g, %.4g], [%.4g, %.4g]] has eigenvalues %.4g and %.4g, condition number %.4g; "+
		"skew A and the valley turns and narrows.", h[0][0], h[0][1], h[1][0], h[1][1], c.L1, c.L2, c.Kappa)
}

// Chain is the chain rule of the notes' §2 worked for f(x) = ‖Aᵀx‖² at one
// point, every quantity with its numbers, in the notes' convention: a
// gradient has the shape of what it differentiates by, and a Jacobian has
// entries (∂y/∂x)ᵢⱼ = ∂yⱼ/∂xᵢ, so that the chain rule reads
// ∂f/∂x = (∂y/∂x)·(∂f/∂y) with the final output on the right.
type Chain struct {
	A    [2][2]float64 // A[i][j] = Aᵢⱼ
	X    [2]float64    // the point x
	Y    [2]float64    // y = Aᵀx
	F    float64       // f = ‖y‖² = yᵀy
	DfDy [2]float64    // ∂f/∂y = 2y (Problem 4)
	DyDx [2][2]float64 // ∂y/∂x = A (Problem 5), in the notes' layout
	Grad [2]float64    // ∇ₓf = (∂y/∂x)·(∂f/∂y) = 2AAᵀx (Problem 6)
	// GradA is ∇_A f = 2xxᵀA = 2x·yᵀ (Problem 7), with A's shape.
	GradA   [2][2]float64
	Hessian [2][2]float64 // ∇²ₓf = 2AAᵀ, the same at every x
	// Curvature is the Hessian's eigen-decomposition and condition number:
	// why a skewed A makes a narrow, turned valley.
	Curvature Curvature
}

// ChainRule works the chain rule for f(x) = ‖Aᵀx‖² at x, step by step as the
// notes do: y, ∂f/∂y, the Jacobian, their product, the gradient in A.
func ChainRule(a [2][2]float64, x [2]float64) Chain {
	c := Chain{A: a, X: x}
	for j := range 2 { // y_j = Σᵢ Aᵢⱼ·xᵢ
		c.Y[j] = a[0][j]*x[0] + a[1][j]*x[1]
	}
	c.F = c.Y[0]*c.Y[0] + c.Y[1]*c.Y[1]
	c.DfDy = [2]float64{2 * c.Y[0], 2 * c.Y[1]}
	c.DyDx = a // (∂y/∂x)ᵢⱼ = ∂yⱼ/∂xᵢ = Aᵢⱼ
	for i := range 2 {
		c.Grad[i] = c.DyDx[i][0]*c.DfDy[0] + c.DyDx[i][1]*c.DfDy[1]
	}
	for i := range 2 { // (2xxᵀA)ᵢⱼ = 2xᵢ·Σₖ xₖAₖⱼ = 2xᵢ·yⱼ
		for j := range 2 {
			c.GradA[i][j] = 2 * x[i] * (x[0]*a[0][j] + x[1]*a[1][j])
		}
	}
	c.Hessian = hessianOfLinearMap(a)
	c.Curvature = Geometry(c.Hessian[0][0], c.Hessian[0][1], c.Hessian[1][1])
	return c
}

// hessianOfLinearMap returns 2AAᵀ, (2AAᵀ)ᵢⱼ = 2·Σₖ AᵢₖAⱼₖ.
func hessianOfLinearMap(a [2][2]float64) [2][2]float64 {
	var h [2][2]float64
	for i := range 2 {
		for j := range 2 {
			h[i][j] = 2 * (a[i][0]*a[j][0] + a[i][1]*a[j][1])
		}
	}
	return h
}
