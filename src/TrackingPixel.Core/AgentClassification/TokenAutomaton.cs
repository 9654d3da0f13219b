namespace TrackingPixel;

/// <summary>
/// Finds, in one pass over a user agent, the first rule whose token matches and whether any platform token does.
/// </summary>
/// <remarks>
/// An Aho-Corasick automaton over ASCII folded to lower case, compiled to a full transition table so each character
/// costs one array read whatever the number of tokens: hundreds of rules cost what a few do, with no regular
/// expression and no allocation. Characters that occur in no token share one symbol, which always returns to the
/// root. Immutable, so thread-safe.
/// </remarks>
internal sealed class TokenAutomaton
{
    /// <summary>The rule index platform tokens carry: they never decide, they only say a platform was seen.</summary>
    public const int Platform = -1;

    private readonly byte[] _symbols = new byte[128];
    private readonly int _alphabet;
    private readonly int[] _next;
    private readonly int[] _firstOutput;
    private readonly int[] _outputs;
    private readonly TokenPattern[] _tokens;
    private readonly int[] _rules;

    public TokenAutomaton(IReadOnlyList<(TokenPattern Token, int Rule)> tokens)
    {
        _tokens = [.. tokens.Select(t => t.Token)];
        _rules = [.. tokens.Select(t => t.Rule)];

        // Symbol 0 stands for every character in no token; each other character and its other case share one symbol.
        _alphabet = 1;
        foreach (var c in _tokens.SelectMany(t => t.Text).Select(char.ToLowerInvariant).Distinct().Order())
        {
            _symbols[c] = (byte)_alphabet;
            _symbols[char.ToUpperInvariant(c)] = (byte)_alphabet++;
        }

        var trie = TokenTrie.Build(_tokens, _symbols, _alphabet);
        _next = trie.Next;
        _firstOutput = trie.FirstOutput;
        _outputs = trie.Outputs;
    }

    public int StateCount => _firstOutput.Length - 1;

    /// <summary>
    /// Returns the lowest rule index whose token matches, or -1, and whether a platform token matched.
    /// </summary>
    public int Match(ReadOnlySpan<char> userAgent, out bool platform)
    {
        var state = 0;
        var best = int.MaxValue;
        platform = false;
        for (var i = 0; i < userAgent.Length; i++)
        {
            var c = userAgent[i];
            state = _next[(state * _alphabet) + (c < 128 ? _symbols[c] : 0)];
            for (var o = _firstOutput[state]; o < _firstOutput[state + 1]; o++)
            {
                var token = _outputs[o];
                var rule = _rules[token];
                var wanted = rule == Platform ? !platform : rule < best;
                if (wanted && _tokens[token].Accepts(userAgent, i + 1))
                {
                    platform |= rule == Platform;
                    best = rule == Platform ? best : rule;
                }
            }
        }

        return best == int.MaxValue ? -1 : best;
    }
}
