package problems

import "math/rand/v2"

// DataLen returns how many data points a dataset problem has, which its
// minibatches are drawn from, or 0 for a formula problem.
func (p *Problem) DataLen() int {
	if p.data == nil {
		return 0
	}
	return len(p.data.X)
}

// SampleGrad returns the gradient at (x, y) over a random minibatch of
// len(idx) points, with the problem's own ridge λ, its parameter lambda (Dataset.BatchGrad): an
// unbiased estimate of Grad(x, y). It draws the indices into idx with rng,
// uniformly and with replacement, so the batch gradient is the mean of
// len(idx) independent per-point gradients, its variance exactly 1/len(idx)
// of theirs (the course notes' trade, §3.2), and a draw costs len(idx)
// numbers whatever the size of the data. A batch of DataLen or more points
// is the whole dataset, each point once: the full gradient, as in batch
// gradient descent, with no draws.
//
// idx is scratch the caller owns, so that problems shared by several runners
// are never written to; SampleGrad does not allocate. It panics if the problem
// has no data (DataLen is 0) or idx is empty: programmer errors.
func (p *Problem) SampleGrad(idx []int, x, y float64, rng *rand.Rand) (gx, gy float64) {
	n := p.DataLen()
	if n == 0 {
		panic("problems: SampleGrad on " + p.Name + ", which has no data")
	}
	if len(idx) >= n {
		idx = idx[:n]
		for i := range idx {
			idx[i] = i
		}
	} else {
		for i := range idx {
			idx[i] = rng.IntN(n)
		}
	}
	var grad [2]float64
	p.data.BatchGrad(grad[:], x, y, p.values["lambda"], idx)
	return grad[0], grad[1]
}
