namespace TrackingPixel;

/// <summary>
/// Builds the tables of a <see cref="TokenAutomaton"/>: the trie of tokens, its failure links, and every state's
/// outputs.
/// </summary>
internal sealed class TokenTrie
{
    private TokenTrie(int[] next, int[] firstOutput, int[] outputs)
    {
        Next = next;
        FirstOutput = firstOutput;
        Outputs = outputs;
    }

    /// <summary>Gets the transition table, <c>state * alphabet + symbol</c>.</summary>
    public int[] Next { get; }

    /// <summary>
    /// Gets, per state, where its outputs start in <see cref="Outputs"/>; one more entry than states.
    /// </summary>
    public int[] FirstOutput { get; }

    /// <summary>Gets the token indexes each state ends, its own and those of its failure chain.</summary>
    public int[] Outputs { get; }

    public static TokenTrie Build(IReadOnlyList<TokenPattern> tokens, byte[] symbols, int alphabet)
    {
        var goto_ = new List<int[]> { new int[alphabet] };
        var outputs = new List<List<int>> { new() };
        for (var t = 0; t < tokens.Count; t++)
        {
            var state = 0;
            foreach (var c in tokens[t].Text)
            {
                var symbol = symbols[c];
                if (goto_[state][symbol] == 0)
                {
                    goto_[state][symbol] = goto_.Count;
                    goto_.Add(new int[alphabet]);
                    outputs.Add([]);
                }

                state = goto_[state][symbol];
            }

            outputs[state].Add(t);
        }

        // Breadth first, so a state's failure target is complete before the state copies its transitions and outputs.
        var fail = new int[goto_.Count];
        var queue = new Queue<int>(goto_[0].Where(s => s != 0));
        while (queue.TryDequeue(out var state))
        {
            outputs[state].AddRange(outputs[fail[state]]);
            for (var symbol = 0; symbol < alphabet; symbol++)
            {
                var child = goto_[state][symbol];
                if (child == 0)
                {
                    goto_[state][symbol] = goto_[fail[state]][symbol];
                    continue;
                }

                fail[child] = goto_[fail[state]][symbol];
                queue.Enqueue(child);
            }
        }

        var first = new int[goto_.Count + 1];
        for (var s = 0; s < goto_.Count; s++)
        {
            first[s + 1] = first[s] + outputs[s].Count;
        }

        return new TokenTrie([.. goto_.SelectMany(row => row)], first, [.. outputs.SelectMany(o => o)]);
    }
}
