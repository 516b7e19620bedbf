package biasvar_test

import (
	"fmt"

	"descent/problems/biasvar"
)

// The default experiment is the notes' Problem 2: ten points evenly over [−1, 1],
// rows [1, t], so XᵀX = diag(10, 110/27) and at x₀ = (1, 1) the OLS prediction's
// variance is σ²(1/10 + 27/110) ≈ 0.3455; some ridge does better.
func ExampleCompute() {
	r, err := biasvar.Compute(biasvar.Default())
	if err != nil {
		panic(err)
	}
	fmt.Printf("OLS: bias %.4f, variance %.4f, expected error %.4f\n", r.Theory.PredBias, r.Theory.PredVariance, r.Theory.MSE)
	fmt.Printf("best: λ = %.4f, expected error %.4f\n", r.Best.Lambda, r.Best.MSE)
	// Output:
	// OLS: bias 0.0000, variance 0.3455, expected error 1.3455
	// best: λ = 0.5013, expected error 1.3147
}

// A bias–variance spec as the regression problem the race opens on: the same data,
// the objective divided by n (so λ/n).
func ExampleSpec_Regression() {
	s := biasvar.Default()
	s.Lambda = 2
	_, hash, err := s.Regression()
	if err != nil {
		panic(err)
	}
	fmt.Println("problem=" + hash)
	// Output:
	// problem=regression:n=10,sigma=1,lambda=0.2,seed=1,design=1,theta1=-1,theta2=2
}
