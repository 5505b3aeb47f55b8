package org.kalamdb.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArenaSizesTest {

  private final ArenaSizes sizes = new ArenaSizes();

  @Test
  void pacesResizesStalestFirst() {
    sizes.sized("a", 3);
    sizes.sized("b", 1);
    sizes.sized("c", 2);
    sizes.sized("d", 4);
    assertThat(sizes.due(4)).extracting(ArenaSizes.Sized::name).containsExactly("b", "c");
    assertThat(sizes.due(1)).isEmpty();
  }

  @Test
  void resizesEveryFamilySizedForLessThanHalf() {
    for (String name : new String[] {"a", "b", "c", "d"}) {
      sizes.sized(name, 4);
    }
    sizes.sized("e", 10);
    assertThat(sizes.due(10)).extracting(ArenaSizes.Sized::name).hasSize(4);
    assertThat(sizes.due(8)).hasSize(2);
  }

  @Test
  void forgetsDroppedAndResizedFamilies() {
    sizes.sized("a", 1);
    sizes.sized("b", 1);
    sizes.forget("a");
    sizes.sized("b", 5);
    assertThat(sizes.due(5)).isEmpty();
  }
}
