package expr_test

import (
	"fmt"

	"descent/problems/expr"
)

func Example() {
	e, err := expr.Parse("x^2 + 10*y^2")
	if err != nil {
		panic(err)
	}
	v, gx, gy := e.ValueGrad(1, 2)
	fmt.Println(v, gx, gy)
	fmt.Print(e.Kage())
	// Output:
	// 41 2 40
	// 	ok := 1.0
	// 	t0 := x * x
	// 	t1 := y * y
	// 	t2 := 10.0 * t1
	// 	t3 := t0 + t2
	// 	return t3, ok
}

func ExampleSyntaxError() {
	_, err := expr.Parse("sin(x")
	fmt.Println(err)
	// Output:
	// expr: expected ',' or ')' to close sin( at byte 3, found the end at byte 5
}

func ExampleParseWith() {
	e, err := expr.ParseWith("a1*x^2 + a2*y^2", map[string]float64{"a1": 0.1, "a2": 10})
	if err != nil {
		panic(err)
	}
	fmt.Println(e.Eval(1, 2))
	fmt.Print(e.Kage())
	// Output:
	// 40.1
	// 	ok := 1.0
	// 	t0 := x * x
	// 	t1 := 0.1 * t0
	// 	t2 := y * y
	// 	t3 := 10.0 * t2
	// 	t4 := t1 + t3
	// 	return t4, ok
}

func ExampleExpr_KageUniform() {
	for _, a := range []float64{1, 0.5} {
		e, err := expr.ParseWith("a*x^2 + 10*y^2", map[string]float64{"a": a})
		if err != nil {
			panic(err)
		}
		body, consts := e.KageUniform(16)
		fmt.Println(consts)
		fmt.Print(body)
	}
	// Output:
	// [1 10]
	// 	ok := 1.0
	// 	t0 := x * x
	// 	t1 := Consts[0] * t0
	// 	t2 := y * y
	// 	t3 := Consts[1] * t2
	// 	t4 := t1 + t3
	// 	return t4, ok
	// [0.5 10]
	// 	ok := 1.0
	// 	t0 := x * x
	// 	t1 := Consts[0] * t0
	// 	t2 := y * y
	// 	t3 := Consts[1] * t2
	// 	t4 := t1 + t3
	// 	return t4, ok
}
