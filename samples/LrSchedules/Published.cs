/// <summary>Published values and reference fits from ../shared/data/mpl-lr-schedules/SOURCE.md.</summary>
internal static class Published
{
    public static readonly int[] Sizes = [25, 100, 400];

    /// <summary>Published MPL parameters (src/config.py, README): L0, A, alpha, B, C, beta, gamma.</summary>
    public static readonly Dictionary<int, double[]> MplParameters = new()
    {
        [25] = [3.04045406, 0.52468604, 0.50786857, 363.78751622, 2.06560812, 0.58279013, 0.64142257],
        [100] = [2.6514477, 0.60115152, 0.45295811, 437.9464276, 2.13245612, 0.59785199, 0.65523644],
        [400] = [2.37474466, 0.65421216, 0.42878731, 523.42464371, 2.02462735, 0.59350493, 0.63472457],
    };

    /// <summary>Published test metrics (README), averaged over the six held-out curves: R², MAE, RMSE, PredE, WorstE.</summary>
    public static readonly Dictionary<int, double[]> MplTestMetrics = new()
    {
        [25] = [0.9988, 0.00376, 0.00465, 0.00110, 0.00409],
        [100] = [0.9983, 0.00435, 0.00592, 0.00142, 0.00583],
        [400] = [0.9978, 0.00484, 0.00730, 0.00168, 0.00995],
    };

    /// <summary>Tissue-law fits computed for SOURCE.md (not published): L0, A, alpha, C, Huber sum.</summary>
    public static readonly Dictionary<int, double[]> TissueReference = new()
    {
        [25] = [3.06795, 0.49125, 0.57145, 0.3977, 2.2631e-4],
        [100] = [2.69336, 0.55334, 0.52452, 0.4754, 1.2888e-4],
        [400] = [2.41826, 0.60068, 0.49822, 0.5637, 2.2489e-4],
    };
}
