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
	// 	t0 := x * x
	// 	t1 := y * y
	// 	t2 := 10.0 * t1
	// 	t3 := t0 + t2
	// 	return t3
}

func ExampleSyntaxError() {
	_, err := expr.Parse("sin(x")
	fmt.Println(err)
	// Output:
	// expr: missing ')' to close sin( from byte 3 at byte 5
}
