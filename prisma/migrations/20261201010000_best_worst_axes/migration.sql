-- Best–worst scaling axes (issue 11, decision 032): the best and the worst of the responses shown.
ALTER TYPE "AxisTarget" ADD VALUE 'BEST_WORST';
