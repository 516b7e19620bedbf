package optim_test

import (
	"fmt"

	"descent/optim"
)

// Gradient descent with α = 0.25 on f(x) = x², whose gradient is 2x, halves x
// at every step.
func ExampleNew() {
	opt, err := optim.New("gd", map[string]float64{"lr": 0.25})
	if err != nil {
		panic(err)
	}
	x, grad := []float64{1}, []float64{0}
	for range 3 {
		grad[0] = 2 * x[0]
		opt.Step(x, grad)
		fmt.Println(x[0])
	}
	// Output:
	// 0.5
	// 0.25
	// 0.125
}

func ExampleSpecs() {
	for _, s := range optim.Specs() {
		fmt.Printf("%-8s %v\n", s.Name, s.Defaults())
	}
	// Output:
	// gd       map[lr:0.05]
	// sgd      map[batch:8 lr:0.05 sigma:1]
	// momentum map[lr:0.02 m:0.9]
	// adagrad  map[beta:1 eps:1e-08 lr:0.5]
	// rmsprop  map[beta:0.9 eps:1e-08 lr:0.05]
	// adam     map[beta1:0.9 beta2:0.999 eps:1e-08 lr:0.1]
	// nesterov map[lr:0.02 m:0.9]
	// adadelta map[eps:1e-06 lr:1 rho:0.9]
	// adamax   map[beta1:0.9 beta2:0.999 eps:1e-08 lr:0.1]
	// amsgrad  map[beta1:0.9 beta2:0.999 eps:1e-08 lr:0.1]
	// nadam    map[beta1:0.9 beta2:0.999 eps:1e-08 lr:0.1]
	// adamw    map[beta1:0.9 beta2:0.999 eps:1e-08 lr:0.1 wd:0.01]
	// lion     map[beta1:0.9 beta2:0.99 lr:0.01 wd:0]
	// newton   map[damping:0 lr:1]
}
