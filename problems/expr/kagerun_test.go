package expr

import (
	"fmt"
	"go/ast"
	goparser "go/parser"
	"go/token"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// kageProgram runs Kage bodies and KageHelpers natively, to check that the field
// shader computes the CPU's function. Kage is Go syntax, so go/parser reads it; the
// interpreter knows the statements and expressions Kage and KageHelpers use. Its
// built-ins behave as a lax GPU does where GLSL leaves them undefined (pow of a
// negative base is |a|^b, log and sqrt of a negative number are 0), so that a body
// relying on them rather than on its guards and helpers computes the wrong thing
// here too. It runs in float64: float32 rounding is not what it checks.
type kageProgram struct {
	funcs  map[string]*ast.FuncDecl
	consts []float64
}

// kageValue is a float or a vec2.
type kageValue struct {
	f   float64
	vec [2]float64
}

func newKageProgram(t *testing.T, body string, consts []float64) *kageProgram {
	t.Helper()
	src := "package main\n" + HelpersFor(body) + "\nfunc field(x, y float) (float, float) {\n" + body + "}\n"
	file, err := goparser.ParseFile(token.NewFileSet(), "field.kage", src, 0)
	if err != nil {
		t.Fatalf("parsing the Kage: %v\n%s", err, body)
	}
	p := &kageProgram{funcs: map[string]*ast.FuncDecl{}, consts: consts}
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			p.funcs[fd.Name.Name] = fd
		}
	}
	return p
}

// field returns the body's value and defined flag at (x, y).
func (p *kageProgram) field(x, y float64) (v, ok float64) {
	r := p.call("field", []kageValue{{f: x}, {f: y}})
	return r[0].f, r[1].f
}

func (p *kageProgram) call(name string, args []kageValue) []kageValue {
	fd := p.funcs[name]
	env := map[string]kageValue{}
	k := 0
	for _, field := range fd.Type.Params.List {
		for _, n := range field.Names {
			env[n.Name] = args[k]
			k++
		}
	}
	ret, _ := p.block(fd.Body.List, env)
	return ret
}

// block runs statements and returns the values of a return statement, if one ran.
func (p *kageProgram) block(stmts []ast.Stmt, env map[string]kageValue) ([]kageValue, bool) {
	for _, s := range stmts {
		switch s := s.(type) {
		case *ast.AssignStmt:
			env[s.Lhs[0].(*ast.Ident).Name] = p.eval(s.Rhs[0], env)
		case *ast.IfStmt:
			if p.eval(s.Cond, env).f != 0 {
				if ret, done := p.block(s.Body.List, env); done {
					return ret, true
				}
			}
		case *ast.ReturnStmt:
			var ret []kageValue
			for _, r := range s.Results {
				ret = append(ret, p.eval(r, env))
			}
			return ret, true
		default:
			panic(fmt.Sprintf("kage statement %T", s))
		}
	}
	return nil, false
}

func kageBool(b bool) kageValue {
	if b {
		return kageValue{f: 1}
	}
	return kageValue{}
}

func (p *kageProgram) eval(e ast.Expr, env map[string]kageValue) kageValue {
	switch e := e.(type) {
	case *ast.BasicLit:
		v, err := strconv.ParseFloat(e.Value, 64)
		if err != nil {
			panic(err)
		}
		return kageValue{f: v}
	case *ast.Ident:
		v, ok := env[e.Name]
		if !ok {
			panic("kage: unknown name " + e.Name)
		}
		return v
	case *ast.ParenExpr:
		return p.eval(e.X, env)
	case *ast.IndexExpr:
		i, _ := strconv.Atoi(e.Index.(*ast.BasicLit).Value)
		return kageValue{f: p.consts[i]}
	case *ast.UnaryExpr:
		return kageValue{f: -p.eval(e.X, env).f}
	case *ast.BinaryExpr:
		a, b := p.eval(e.X, env).f, p.eval(e.Y, env).f
		switch e.Op {
		case token.ADD:
			return kageValue{f: a + b}
		case token.SUB:
			return kageValue{f: a - b}
		case token.MUL:
			return kageValue{f: a * b}
		case token.QUO:
			return kageValue{f: a / b}
		case token.LSS:
			return kageBool(a < b)
		case token.LEQ:
			return kageBool(a <= b)
		case token.GTR:
			return kageBool(a > b)
		case token.GEQ:
			return kageBool(a >= b)
		case token.EQL:
			return kageBool(a == b)
		case token.NEQ:
			return kageBool(a != b)
		case token.LAND:
			return kageBool(a != 0 && b != 0)
		case token.LOR:
			return kageBool(a != 0 || b != 0)
		}
	case *ast.CallExpr:
		name := e.Fun.(*ast.Ident).Name
		var args []kageValue
		for _, a := range e.Args {
			args = append(args, p.eval(a, env))
		}
		if _, ok := p.funcs[name]; ok {
			return p.call(name, args)[0]
		}
		return kageBuiltin(name, args)
	}
	panic(fmt.Sprintf("kage expression %T", e))
}

// kageBuiltin is a Kage built-in as a lax GPU computes it.
func kageBuiltin(name string, args []kageValue) kageValue {
	a := args[0].f
	var b float64
	if len(args) > 1 {
		b = args[1].f
	}
	f := map[string]func() float64{
		"sin": func() float64 { return math.Sin(a) }, "cos": func() float64 { return math.Cos(a) },
		"tan": func() float64 { return math.Tan(a) }, "asin": func() float64 { return math.Asin(a) },
		"acos": func() float64 { return math.Acos(a) }, "atan": func() float64 { return math.Atan(a) },
		"atan2": func() float64 { return math.Atan2(a, b) }, "exp": func() float64 { return math.Exp(a) },
		"exp2": func() float64 { return math.Exp2(a) },
		"log":  func() float64 { return laxLog(a) },
		"log2": func() float64 { return laxLog(a) / math.Ln2 },
		"sqrt": func() float64 { return math.Sqrt(math.Max(a, 0)) },
		"pow":  func() float64 { return math.Pow(math.Abs(a), b) }, // SwiftShader's |a|^b
		"abs":  func() float64 { return math.Abs(a) }, "sign": func() float64 { return sign(a) },
		"floor": func() float64 { return math.Floor(a) }, "ceil": func() float64 { return math.Ceil(a) },
		"min": func() float64 { return math.Min(a, b) }, "max": func() float64 { return math.Max(a, b) },
		"mod":    func() float64 { return a - b*math.Floor(a/b) },
		"length": func() float64 { return math.Hypot(args[0].vec[0], args[0].vec[1]) },
	}
	if name == "vec2" {
		return kageValue{vec: [2]float64{a, b}}
	}
	fn, ok := f[name]
	if !ok {
		panic("kage: unknown function " + name)
	}
	return kageValue{f: fn()}
}

// laxLog is log as some GPUs give it: 0 for a negative argument, finite at 0.
func laxLog(a float64) float64 {
	if a <= 0 {
		return math.Log(math.SmallestNonzeroFloat32)
	}
	return math.Log(a)
}

// TestKageComputesTheCPUFunction runs the Kage of every corpus formula, and of
// formulas built to cross every undefined region, at points inside and outside their
// domains: where the CPU's value is NaN the shader's flag must say undefined, and
// elsewhere the two values must agree.
func TestKageComputesTheCPUFunction(t *testing.T) {
	// The helpers' series near 0 (sinh, expm1) are exact to about a²/6 ≈ 2e-7 relative
	// for |a| < 0.001, below float32's resolution of 6e-8·|a|… within 1e-6.
	const tol = 1e-6
	srcs := []string{
		"log(x) + log2(y) + log10(x y)", "log1p(x) + sqrt(y)", "asin(x) + acos(y)", "acosh(x) + atanh(y)",
		"x / y", "mod(x, y)", "mod(x, round(y))", "atan2(y, round(x))", "x^y", "x^round(y)", "(x - 1)^-1",
		"round(x)^-2", "x^0.5 + y^-1.5", "x^3 + y^-3", "x^9 + y^11", "cbrt(x) y", "log(x, y)", "1/round(x)",
		"sinh(x/1000) + expm1(y/1000)", "hypot(x, y) + round(x) + sign(y)", "sinh(x) cosh(y) tanh(x y)",
		"asinh(x) + exp(y)", "log(-1) + x", "(-8)^(1/3) + y", "1e20 x + 3e30 y - 1e25",
	}
	for _, c := range corpus {
		srcs = append(srcs, c.src)
	}
	rng := rand.New(rand.NewPCG(2, 3)) // seeded: a failure reproduces
	for _, src := range srcs {
		e := mustParse(t, src)
		body, consts := e.KageUniform(16)
		for _, run := range []*kageProgram{newKageProgram(t, e.Kage(), nil), newKageProgram(t, body, consts)} {
			for range 100 {
				// Half the points on small integers and halves, where the edges are.
				x, y := 6*rng.Float64()-3, 6*rng.Float64()-3
				if rng.IntN(2) == 0 {
					x, y = math.Round(2*x)/2, math.Round(2*y)/2
				}
				x, y = x+0, y+0 // −0 as 0, as the CPU takes it
				want := e.Eval(x, y)
				got, ok := run.field(x, y)
				switch {
				case math.IsNaN(want) && ok != 0:
					t.Errorf("%s at (%v, %v): the CPU says undefined, the shader says defined (%v)", src, x, y, got)
				case !math.IsNaN(want) && ok == 0:
					t.Errorf("%s at (%v, %v): the CPU gives %v, the shader says undefined", src, x, y, want)
				case !math.IsNaN(want) && !math.IsInf(want, 0) && !close(got, want, tol):
					t.Errorf("%s at (%v, %v): the shader gives %v, the CPU %v", src, x, y, got, want)
				}
			}
		}
	}
}
