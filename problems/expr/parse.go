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

// Parse parses src. A failure is a *SyntaxError carrying the byte offset of the fault.
func Parse(src string) (*Expr, error) {
	return ParseWith(src, nil)
}

// ParseWith parses src in which the names in consts stand for their values, as pi
// does: each is bound at parse time and folded with the constants around it, so
// "cos(angle*pi/180)*x" keeps one multiplication and Kage sees a float literal, never
// the name. Names in consts are case-sensitive. A source that fails to parse gives a
// *SyntaxError; a name in consts that is not an identifier or is already taken (x, y,
// a constant or a function, in any case) gives an error naming it, as that is the
// caller's mistake rather than the source's.
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
		return nil, &SyntaxError{Offset: 0, Msg: "empty expression, expected a formula in x and y"}
	}
	root, err := p.parseSum()
	if err != nil {
		return nil, err
	}
	if p.peek() != 0 {
		return nil, p.unexpected("an operator or the end")
	}
	e := &Expr{src: src, nodes: p.nodes, root: root}
	e.f = compile(e.nodes, root)
	return e, nil
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
	if isReserved(strings.ToLower(name)) {
		return fmt.Errorf("expr: constant name %q is taken by the grammar (x, y, %s, and the functions %s)",
			name, strings.Join(constantNames, ", "), strings.Join(FunctionNames(), ", "))
	}
	return nil
}

// parser is a recursive-descent parser that builds the flat node list as it goes.
type parser struct {
	src    string
	consts map[string]float64 // named constants of ParseWith
	pos    int
	depth  int // nesting so far, limited by MaxDepth
	bars   int // '|' opened and not yet closed, in the innermost parentheses
	nodes  []node
}

func (p *parser) errorf(format string, args ...any) *SyntaxError {
	return &SyntaxError{Offset: p.pos, Msg: fmt.Sprintf(format, args...)}
}

// unexpected reports the token at p.pos where expected was wanted.
func (p *parser) unexpected(expected string) *SyntaxError {
	if r, _ := utf8.DecodeRuneInString(p.src[p.pos:]); lookalikes[r] != "" {
		return p.errorf("expected %s, found %s (write %s)", expected, p.describe(), lookalikes[r])
	}
	return p.errorf("expected %s, found %s", expected, p.describe())
}

// lookalikes are characters a formula copied from a document may hold, with what to
// write instead.
var lookalikes = map[rune]string{
	'²': "^2", '³': "^3", '×': "*", '·': "*", '÷': "/", '−': "-", 'π': "pi", '√': "sqrt(…)",
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

// nameEnd returns the end of the name starting at i.
func (p *parser) nameEnd(i int) int {
	for i < len(p.src) && (isLetter(p.src[i]) || isDigit(p.src[i])) {
		i++
	}
	return i
}

// describe names the token at p.pos for an error message.
func (p *parser) describe() string {
	if p.pos >= len(p.src) {
		return "the end"
	}
	c := p.src[p.pos]
	switch {
	case isLetter(c):
		return fmt.Sprintf("name %q", p.src[p.pos:p.nameEnd(p.pos)])
	case isDigit(c) || c == '.':
		end := p.pos
		for end < len(p.src) && (isDigit(p.src[end]) || p.src[end] == '.') {
			end++
		}
		return fmt.Sprintf("number %s", p.src[p.pos:end])
	case strings.IndexByte("+-*/^", c) >= 0:
		return fmt.Sprintf("operator '%c'", c)
	case strings.IndexByte("()[]|,", c) >= 0:
		return fmt.Sprintf("'%c'", c)
	}
	r, _ := utf8.DecodeRuneInString(p.src[p.pos:])
	return fmt.Sprintf("character %q", r)
}

// expectedOperand is what may begin an operand, for messages.
const expectedOperand = "a number, a name, '(' or '|'"

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

// parseProduct parses factors joined by '*', '/' or nothing: implicit multiplication
// has the precedence of '*' and groups left to right with it, so 1/2x is (1/2)·x.
// It applies before a name, '(' or '[', and before '|' outside bars (2|x|); a number
// after an operand ("x 2", "(x)3") is an error, as a reader may see a typo there.
func (p *parser) parseProduct() (int32, error) {
	a, err := p.parseUnary()
	if err != nil {
		return 0, err
	}
	for {
		o := opMul
		switch c := p.peek(); {
		case c == '*' && !p.at("**"):
			p.pos++
		case c == '/':
			o = opDiv
			p.pos++
		case isLetter(c) || c == '(' || c == '[' || c == '|' && p.bars == 0:
			// implicit multiplication
		case isDigit(c) || c == '.':
			return 0, p.unexpected("an operator (write * to multiply by a number)")
		default:
			return a, nil
		}
		b, err := p.parseUnary()
		if err != nil {
			return 0, err
		}
		a = p.add(node{op: o, a: a, b: b})
	}
}

// at reports whether the source continues with s at p.pos.
func (p *parser) at(s string) bool { return strings.HasPrefix(p.src[p.pos:], s) }

// parseUnary is on every path of recursion (signs, powers, parentheses, bars, calls),
// so it is where nesting depth is counted.
func (p *parser) parseUnary() (int32, error) {
	c := p.peek()
	if p.depth >= MaxDepth {
		return 0, p.errorf("expression nested too deeply (limit %d levels)", MaxDepth)
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

// parsePower parses a power; its exponent may carry a sign (2^-1) and is itself a
// power, so ^ groups right to left and binds tighter than a sign on its left.
func (p *parser) parsePower() (int32, error) {
	a, err := p.parsePrimary()
	if err != nil {
		return 0, err
	}
	switch {
	case p.peek() == '^':
		p.pos++
	case p.at("**"):
		p.pos += 2
	default:
		return a, nil
	}
	b, err := p.parseUnary()
	if err != nil {
		return 0, err
	}
	return p.add(node{op: opPow, a: a, b: b}), nil
}

func (p *parser) parsePrimary() (int32, error) {
	switch c := p.peek(); {
	case isDigit(c) || c == '.':
		return p.parseNumber()
	case isLetter(c):
		return p.parseName()
	case c == '(':
		return p.parseGroup(')')
	case c == '[':
		return p.parseGroup(']')
	case c == '|':
		return p.parseBars()
	}
	return 0, p.unexpected(expectedOperand)
}

// parseGroup parses "(" sum ")" or "[" sum "]" at p.pos.
func (p *parser) parseGroup(closer byte) (int32, error) {
	args, err := p.parseArgs(closer, "")
	if err != nil {
		return 0, err
	}
	return args[0], nil // parseArgs allows one argument without a function
}

// parseArgs parses an opening bracket at p.pos, sums separated by commas, and the
// closer; fn names the function called, if any. Bars do not reach inside.
func (p *parser) parseArgs(closer byte, fn string) ([]int32, error) {
	open := p.pos
	p.pos++
	outerBars := p.bars
	p.bars = 0
	defer func() { p.bars = outerBars }()
	var args []int32
	for {
		a, err := p.parseSum()
		if err != nil {
			return nil, err
		}
		args = append(args, a)
		if p.peek() != ',' {
			break
		}
		if fn == "" {
			return nil, p.errorf("expected '%c' to close the '%c' at byte %d, found ','", closer, p.src[open], open)
		}
		p.pos++
	}
	if p.peek() != closer {
		what := fmt.Sprintf("'%c' to close the '%c' at byte %d", closer, p.src[open], open)
		if fn != "" {
			what = fmt.Sprintf("',' or ')' to close %s( at byte %d", fn, open)
		}
		return nil, p.unexpected(what)
	}
	p.pos++
	return args, nil
}

// parseBars parses "|" sum "|", the absolute value.
func (p *parser) parseBars() (int32, error) {
	open := p.pos
	p.pos++
	p.bars++
	a, err := p.parseSum()
	if err != nil {
		return 0, err
	}
	if p.peek() != '|' {
		return 0, p.unexpected(fmt.Sprintf("'|' to close the '|' at byte %d", open))
	}
	p.pos++
	p.bars--
	return p.add(node{op: opAbs, a: a}), nil
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
		return 0, p.errorf("expected digits before or after '.', found %s", describeAt(p.src, end))
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
		return 0, p.errorf("number %s is out of range (largest about 1.8e308)", p.src[start:end])
	}
	p.pos = end
	return p.add(node{op: opNum, c: v}), nil
}

// describeAt names the byte of src at i for a message.
func describeAt(src string, i int) string {
	q := parser{src: src, pos: i}
	return q.describe()
}

func (p *parser) parseName() (int32, error) {
	start := p.pos
	end := p.nameEnd(start)
	name := p.src[start:end]
	lower := strings.ToLower(name)
	switch lower {
	case "x":
		p.pos = end
		return p.add(node{op: opX}), nil
	case "y":
		p.pos = end
		return p.add(node{op: opY}), nil
	}
	if v, ok := constants[lower]; ok {
		p.pos = end
		return p.add(node{op: opNum, c: v}), nil
	}
	if v, ok := p.consts[name]; ok {
		p.pos = end
		return p.add(node{op: opNum, c: v}), nil
	}
	f, ok := functions[lower]
	if !ok {
		return 0, p.unknownName(name, end)
	}
	p.pos = end
	if p.peek() != '(' {
		if p.peek() == '^' {
			return 0, p.errorf("expected '(' after the function %s, found %s (write %s%s^2 for a power of %s)",
				lower, p.describe(), lower, f.args, lower)
		}
		return 0, p.errorf("expected '(' after the function %s, found %s (write %s%s)", lower, p.describe(), lower, f.args)
	}
	open := p.pos
	args, err := p.parseArgs(')', lower)
	if err != nil {
		return 0, err
	}
	switch {
	case lower == "log" && len(args) == 2: // log(b, x) = ln x / ln b
		lx := p.add(node{op: opLog, a: args[1]})
		lb := p.add(node{op: opLog, a: args[0]})
		return p.add(node{op: opDiv, a: lx, b: lb}), nil
	case len(args) != f.arity && !(f.variadic() && len(args) > f.arity):
		return 0, &SyntaxError{Offset: open, Msg: fmt.Sprintf("expected %s%s, found %d argument%s",
			lower, f.args, len(args), plural(len(args)))}
	}
	a := args[0]
	if f.op.arity() == 1 {
		return p.add(node{op: f.op, a: a}), nil
	}
	for _, b := range args[1:] {
		a = p.add(node{op: f.op, a: a, b: b})
	}
	return a, nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// unknownName reports the name at p.pos, ending at end, that the grammar does not
// know, with the nearest known one or the product it may abbreviate.
func (p *parser) unknownName(name string, end int) *SyntaxError {
	lower, fns := strings.ToLower(name), FunctionNames()
	if q := (parser{src: p.src, pos: end}); q.peek() == '(' {
		if f, ok := nearest(name, fns); ok {
			return p.errorf("unknown function %q, did you mean %s?", name, f)
		}
		return p.errorf("unknown function %q, expected one of %s", name, strings.Join(fns, ", "))
	}
	if split, n := splitProduct(lower, p.consts); n > 1 {
		return p.errorf("unknown name %q, did you mean the product %s?", name, split)
	}
	for _, f := range fns {
		if rest, ok := strings.CutPrefix(lower, f); ok && rest != "" {
			if arg, n := splitProduct(rest, p.consts); n > 0 {
				return p.errorf("unknown name %q, did you mean %s(%s)?", name, f, arg)
			}
		}
	}
	names := append([]string{"x", "y"}, constantNames...)
	names = append(names, slices.Sorted(maps.Keys(p.consts))...)
	if n, ok := nearest(name, append(names, fns...)); ok {
		return p.errorf("unknown name %q, did you mean %s?", name, n)
	}
	return p.errorf("unknown name %q, expected x, y, a constant (%s) or a function such as sin(x)",
		name, strings.Join(names[2:], ", "))
}

// add appends n, folding it to a constant when all its operands are constants, and
// returns its index.
func (p *parser) add(n node) int32 {
	if n.op.arity() > 0 {
		a := p.nodes[n.a]
		constA := a.op == opNum
		constB := true
		var b float64
		if n.op.arity() == 2 {
			constB = p.nodes[n.b].op == opNum
			b = p.nodes[n.b].c
		}
		switch {
		case constA && constB:
			n = node{op: opNum, c: apply(n.op, a.c, b, n.c)}
		case n.op == opPow && constB:
			n = node{op: opPowConst, a: n.a, c: b}
		}
	}
	p.nodes = append(p.nodes, n)
	return int32(len(p.nodes) - 1)
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }
