package optim

import "math"

// moments are Adam's two running averages — of gradients (m) and of squared
// gradients (v) — with the powers β₁ᵗ and β₂ᵗ their bias corrections need,
// shared by Adam, AdamW, AMSGrad and NAdam. The powers are running products:
// math.Pow would dominate a step's cost.
type moments struct {
	m, v           []float64
	beta1t, beta2t float64
}

// reset sizes the averages for n coordinates and zeroes them.
func (s *moments) reset(n int) {
	s.m, s.v = zeroed(s.m, n), zeroed(s.v, n)
	s.beta1t, s.beta2t = 1, 1
}

// advance starts step t and returns the corrections 1−β₁ᵗ and 1−β₂ᵗ.
func (s *moments) advance(beta1, beta2 float64) (correction1, correction2 float64) {
	s.beta1t *= beta1
	s.beta2t *= beta2
	return 1 - s.beta1t, 1 - s.beta2t
}

// update folds the gradient g of coordinate k into both averages.
func (s *moments) update(k int, g, beta1, beta2 float64) {
	s.m[k] = beta1*s.m[k] + (1-beta1)*g
	s.v[k] = beta2*s.v[k] + (1-beta2)*g*g
}

// vecs appends m and v, as Inspector.Internals does.
func (s *moments) vecs(d dims, dst []Vec) []Vec {
	return append(dst, d.vec("m", s.m), d.vec("v", s.v))
}

// rate returns α/(√v̂ + ε) for the average of squared gradients avg (v, or
// AMSGrad's vmax) and v̂ = avg/(1−β₂ᵗ), t being the last step.
func (s *moments) rate(lr, eps, avg float64) float64 {
	return lr / (math.Sqrt(avg/(1-s.beta2t)) + eps)
}
