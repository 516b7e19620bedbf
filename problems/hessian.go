package problems

import "math"

// hessianStep is the relative step of CentralHessian. Central differences of
// the exact gradient err by h²·f⁗/6 from truncation and by about ε·|∇f|/h
// from rounding (ε ≈ 1.1e-16). With h = 1e-4 the truncation stays below
// 2e-6 of |H| over the catalog's domains (the worst is Rastrigin's edge,
// where f⁗ ≈ 1.6e4), and on a quadratic, where it is nil, only the rounding
// is left, ~1e-12·|∇f|: small enough that one Newton step lands within 1e-9
// of a quadratic's minimum.
const hessianStep = 1e-4

// CentralHessian returns the Hessian of the function whose exact gradient is
// grad, at (x, y), by central differences of the gradient with steps
// h = 1e-4·max(1, |x|) along x and k = 1e-4·max(1, |y|) along y:
//
//	hxx = (gx(x+h, y) − gx(x−h, y))/2h
//	hyy = (gy(x, y+k) − gy(x, y−k))/2k
//	hxy = ½·((gy(x+h, y) − gy(x−h, y))/2h + (gx(x, y+k) − gx(x, y−k))/2k)
//
// the cross term being the mean of its two estimates, so the result is
// symmetric. It calls grad four times and does not allocate.
func CentralHessian(grad func(x, y float64) (gx, gy float64), x, y float64) (hxx, hxy, hyy float64) {
	h := hessianStep * math.Max(1, math.Abs(x))
	k := hessianStep * math.Max(1, math.Abs(y))
	// Steps as stored: x+h lies exactly h from x, which removes one rounding.
	h = (x + h) - x
	k = (y + k) - y
	gxPlusH, gyPlusH := grad(x+h, y)
	gxMinusH, gyMinusH := grad(x-h, y)
	gxPlusK, gyPlusK := grad(x, y+k)
	gxMinusK, gyMinusK := grad(x, y-k)
	hxx = (gxPlusH - gxMinusH) / (2 * h)
	hyy = (gyPlusK - gyMinusK) / (2 * k)
	hxy = ((gyPlusH-gyMinusH)/(2*h) + (gxPlusK-gxMinusK)/(2*k)) / 2
	return hxx, hxy, hyy
}

// Hessian returns the Hessian of f at (x, y) by CentralHessian of the exact
// gradient: its error is at most about 2e-6 of |H| on the catalog's
// surfaces, and only rounding, ~1e-12·|∇f|, on a quadratic.
func (p *Problem) Hessian(x, y float64) (hxx, hxy, hyy float64) {
	return CentralHessian(p.Grad, x, y)
}
