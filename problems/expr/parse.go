package expr

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// knownNames lists every identifier the grammar accepts, for error messages.
const knownNames = "x, y, pi, e, sin, cos, exp, log, sqrt, abs, tanh"

// functions maps a function name to its opcode.
var functions = map[string]op{
	"sin":  opSin,
	"cos":  opCos,
	"exp":  opExp,
	"log":  opLog,
	"sqrt": opSqrt,
	"abs":  opAbs,
	"tanh": opTanh,
}

// Parse parses src. A failure is a *SyntaxError carrying the byte offset of the fault.
func Parse(src string) (*Expr, error) {
	return ParseWith(src, nil)
}

// ParseWith parses src in which the names in consts stand for their values, as pi
// does: each is bound at parse time and folded with the constants around it, so
// "cos(angle*pi/180)*x" keeps one multiplication and Kage sees a float literal, never
// the name. A source that fails to parse gives a *SyntaxError; a name in consts that
// is not an identifier or is already taken (x, y, pi, e, a function) gives an error
// naming it, as that is the caller's mistake rather than the source's.
func ParseWith(src string, consts map[string]float64) (*Expr, error) {
	for name := range consts {
		if err := checkConstName(name); err != nil {
			return nil, err
		}
	}
	if len(src) > MaxLen {
		return nil, &SyntaxError{Offset: MaxLen, Msg: fmt.Sprintf("expression too long (%d bytes, limit %d)", len(src), MaxLen)}
	}
	p := &parser{src: src, consts: consts}
	p.skipSpace()
	if p.pos == len(src) {
		return nil, &SyntaxError{Offset: 0, Msg: "empty expression"}
	}
	root, err := p.parseSum()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos < len(src) {
		if !isTokenStart(src[p.pos]) {
			return nil, p.errorf("unexpected character %s", p.describe())
		}
		return nil, p.errorf("unexpected %s after a complete expression (missing operator?)", p.describe())
	}
	return &Expr{src: src, nodes: p.nodes, root: root}, nil
}

// checkConstName returns an error unless name can be a named constant of ParseWith.
func checkConstName(name string) error {
	valid := name != "" && isLetter(name[0])
	for i := 0; i < len(name) && valid; i++ {
		valid = isLetter(name[i]) || isDigit(name[i])
	}
	if !valid {
		return fmt.Errorf("expr: constant name %q is not a name (a letter or '_', then letters, digits or '_')", name)
	}
	if _, isFunc := functions[name]; isFunc || name == "x" || name == "y" || name == "pi" || name == "e" {
		return fmt.Errorf("expr: constant name %q is taken by the grammar (%s)", name, knownNames)
	}
	return nil
}

// parser is a recursive-descent parser that builds the flat node list as it goes.
type parser struct {
	src    string
	consts map[string]float64 // named constants of ParseWith
	pos    int
	depth  int
	nodes  []node
}

// knownNames lists the grammar's names and p's constants, for error messages.
func (p *parser) knownNames() string {
	if len(p.consts) == 0 {
		return knownNames
	}
	return knownNames + ", and the constants " + strings.Join(slices.Sorted(maps.Keys(p.consts)), ", ")
}

func (p *parser) errorf(format string, args ...any) *SyntaxError {
	return &SyntaxError{Offset: p.pos, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) skipSpace() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// peek returns the next non-space byte, or 0 at the end of input.
func (p *parser) peek() byte {
	p.skipSpace()
	if p.pos == len(p.src) {
		return 0
	}
	return p.src[p.pos]
}

// describe names the token at p.pos for an error message.
func (p *parser) describe() string {
	if p.pos >= len(p.src) {
		return "end of input"
	}
	c := p.src[p.pos]
	switch {
	case isLetter(c):
		end := p.pos
		for end < len(p.src) && (isLetter(p.src[end]) || isDigit(p.src[end])) {
			end++
		}
		return fmt.Sprintf("name %q", p.src[p.pos:end])
	case isDigit(c) || c == '.':
		return "number"
	}
	r, _ := utf8.DecodeRuneInString(p.src[p.pos:])
	return fmt.Sprintf("%q", r)
}

func (p *parser) parseSum() (int32, error) {
	a, err := p.parseProduct()
	if err != nil {
		return 0, err
	}
	for {
		var o op
		switch p.peek() {
		case '+':
			o = opAdd
		case '-':
			o = opSub
		default:
			return a, nil
		}
		p.pos++
		b, err := p.parseProduct()
		if err != nil {
			return 0, err
		}
		a = p.add(node{op: o, a: a, b: b})
	}
}

func (p *parser) parseProduct() (int32, error) {
	a, err := p.parseUnary()
	if err != nil {
		return 0, err
	}
	for {
		var o op
		switch p.peek() {
		case '*':
			o = opMul
		case '/':
			o = opDiv
		default:
			return a, nil
		}
		p.pos++
		b, err := p.parseUnary()
		if err != nil {
			return 0, err
		}
		a = p.add(node{op: o, a: a, b: b})
	}
}

// parseUnary is on every path of recursion (signs, powers, parentheses, calls), so it
// is where nesting depth is counted.
func (p *parser) parseUnary() (int32, error) {
	c := p.peek()
	if p.depth >= MaxDepth {
		return 0, p.errorf("expression nested too deeply (limit %d)", MaxDepth)
	}
	p.depth++
	defer func() { p.depth-- }()
	switch c {
	case '-':
		p.pos++
		a, err := p.parseUnary()
		if err != nil {
			return 0, err
		}
		return p.add(node{op: opNeg, a: a}), nil
	case '+':
		p.pos++
		return p.parseUnary()
	}
	return p.parsePower()
}

func (p *parser) parsePower() (int32, error) {
	a, err := p.parsePrimary()
	if err != nil {
		return 0, err
	}
	if p.peek() != '^' {
		return a, nil
	}
	p.pos++
	b, err := p.parseUnary()
	if err != nil {
		return 0, err
	}
	return p.add(node{op: opPow, a: a, b: b}), nil
}

func (p *parser) parsePrimary() (int32, error) {
	c := p.peek()
	switch {
	case p.pos == len(p.src):
		return 0, p.errorf("unexpected end of input, expected a number, name or '('")
	case isDigit(c) || c == '.':
		return p.parseNumber()
	case isLetter(c):
		return p.parseName()
	case c == '(':
		return p.parseParenthesized("")
	case c == ')':
		return 0, p.errorf("unexpected ')', expected a number, name or '('")
	case strings.IndexByte("+-*/^", c) >= 0:
		return 0, p.errorf("unexpected operator %q, expected a number, name or '('", c)
	}
	return 0, p.errorf("unexpected character %s", p.describe())
}

// parseParenthesized parses "(" sum ")" at p.pos; fn names the function being called, if any.
func (p *parser) parseParenthesized(fn string) (int32, error) {
	open := p.pos
	p.pos++ // '('
	a, err := p.parseSum()
	if err != nil {
		return 0, err
	}
	if p.peek() != ')' {
		what := fmt.Sprintf("the '(' from byte %d", open)
		if fn != "" {
			what = fmt.Sprintf("%s( from byte %d", fn, open)
		}
		if p.pos == len(p.src) {
			return 0, p.errorf("missing ')' to close %s", what)
		}
		if !isTokenStart(p.src[p.pos]) {
			return 0, p.errorf("unexpected character %s", p.describe())
		}
		return 0, p.errorf("expected ')' to close %s, found %s", what, p.describe())
	}
	p.pos++
	return a, nil
}

func (p *parser) parseNumber() (int32, error) {
	start := p.pos
	end := start
	for end < len(p.src) && isDigit(p.src[end]) {
		end++
	}
	if end < len(p.src) && p.src[end] == '.' {
		end++
		for end < len(p.src) && isDigit(p.src[end]) {
			end++
		}
	}
	if end == start+1 && p.src[start] == '.' {
		return 0, p.errorf("malformed number: '.' without digits")
	}
	// An exponent only when digits follow, so that "2e" reads as 2 then the name e.
	if end < len(p.src) && (p.src[end] == 'e' || p.src[end] == 'E') {
		k := end + 1
		if k < len(p.src) && (p.src[k] == '+' || p.src[k] == '-') {
			k++
		}
		if k < len(p.src) && isDigit(p.src[k]) {
			for k < len(p.src) && isDigit(p.src[k]) {
				k++
			}
			end = k
		}
	}
	v, err := strconv.ParseFloat(p.src[start:end], 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, p.errorf("number %s out of range", p.src[start:end])
	}
	p.pos = end
	return p.add(node{op: opNum, c: v}), nil
}

func (p *parser) parseName() (int32, error) {
	start := p.pos
	end := start
	for end < len(p.src) && (isLetter(p.src[end]) || isDigit(p.src[end])) {
		end++
	}
	name := p.src[start:end]
	switch name {
	case "x":
		p.pos = end
		return p.add(node{op: opX}), nil
	case "y":
		p.pos = end
		return p.add(node{op: opY}), nil
	case "pi":
		p.pos = end
		return p.add(node{op: opNum, c: math.Pi}), nil
	case "e":
		p.pos = end
		return p.add(node{op: opNum, c: math.E}), nil
	}
	if v, ok := p.consts[name]; ok {
		p.pos = end
		return p.add(node{op: opNum, c: v}), nil
	}
	o, ok := functions[name]
	if !ok {
		return 0, p.errorf("unknown name %q (known: %s)", name, p.knownNames())
	}
	p.pos = end
	if p.peek() != '(' {
		return 0, p.errorf("function %s needs '(' after it, found %s", name, p.describe())
	}
	a, err := p.parseParenthesized(name)
	if err != nil {
		return 0, err
	}
	return p.add(node{op: o, a: a}), nil
}

// add appends n, folding it to a constant when all its operands are constants, and
// returns its index.
func (p *parser) add(n node) int32 {
	if n.op.arity() > 0 {
		a := p.nodes[n.a]
		constA := a.op == opNum
		constB := true
		if n.op.arity() == 2 {
			constB = p.nodes[n.b].op == opNum
		}
		switch {
		case constA && constB:
			var b float64
			if n.op.arity() == 2 {
				b = p.nodes[n.b].c
			}
			n = node{op: opNum, c: apply(n.op, a.c, b)}
		case n.op == opPow && constB:
			n = node{op: opPowConst, a: n.a, c: p.nodes[n.b].c}
		}
	}
	p.nodes = append(p.nodes, n)
	return int32(len(p.nodes) - 1)
}

// isTokenStart reports whether c can begin a token of the grammar.
func isTokenStart(c byte) bool {
	return isDigit(c) || isLetter(c) || strings.IndexByte(".+-*/^()", c) >= 0
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }
