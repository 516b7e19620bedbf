package problems

import "math"

// Curvature is the local geometry of a surface at a point, read from its
// Hessian H: the eigenvalues, their directions and the condition number. The
// local quadratic model f(p + d) ≈ f(p) + ∇fᵀd + ½·dᵀHd has level ellipses
// with axes along V1 and V2 whose lengths go as 1/√λ: a large κ is a long,
// narrow valley, the notes' ill-conditioned quadratic (§3.3).
type Curvature struct {
	L1, L2 float64    // the eigenvalues, L1 ≥ L2
	V1, V2 [2]float64 // unit eigenvectors of L1 and L2; V2 is V1 turned by +90°
	Kappa  float64    // the condition number |λ|max/|λ|min; +Inf where an eigenvalue is 0
}

// Geometry returns the curvature of the symmetric 2×2 matrix [[hxx, hxy],
// [hxy, hyy]], in closed form: λ = m ± √(((hxx−hyy)/2)² + hxy²) with m the
// mean of the diagonal, the eigenvector of L1 at the angle
// ½·atan2(2·hxy, hxx−hyy) from the x axis. The eigenvalue of smaller size is
// taken as det/λ from the larger one, which keeps its relative precision when
// κ is large. For a multiple of the identity V1 is the x axis.
func Geometry(hxx, hxy, hyy float64) Curvature {
	mean := (hxx + hyy) / 2
	half := math.Hypot((hxx-hyy)/2, hxy)
	det := hxx*hyy - hxy*hxy
	var c Curvature
	switch {
	case mean >= 0 && mean+half != 0:
		c.L1 = mean + half
		c.L2 = det / c.L1
	case mean < 0:
		c.L2 = mean - half
		c.L1 = det / c.L2
	}
	angle := math.Atan2(2*hxy, hxx-hyy) / 2
	c.V1 = [2]float64{math.Cos(angle), math.Sin(angle)}
	c.V2 = [2]float64{-c.V1[1], c.V1[0]}
	lo, hi := math.Abs(c.L1), math.Abs(c.L2)
	if lo > hi {
		lo, hi = hi, lo
	}
	c.Kappa = hi / lo
	if lo == 0 {
		c.Kappa = math.Inf(1)
	}
	return c
}

// SemiAxes returns the half-lengths along V1 and V2 of the level ellipse
// ½·dᵀHd = level of the local quadratic model, √(2·level/λ); +Inf along a
// direction whose eigenvalue is not positive, where the level set is no
// ellipse (a saddle's hyperbola, a flat valley's lines).
func (c Curvature) SemiAxes(level float64) (r1, r2 float64) {
	axis := func(l float64) float64 {
		if !(l > 0) {
			return math.Inf(1)
		}
		return math.Sqrt(2 * level / l)
	}
	return axis(c.L1), axis(c.L2)
}

// Curvature returns the curvature of f at (x, y), from its Hessian (Hessian).
func (p *Problem) Curvature(x, y float64) Curvature { return Geometry(p.Hessian(x, y)) }
